package io.kubeward.server.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one decision whether a failure means "the database is unavailable now" (and so a {@code 503
 * database.unavailable} with {@code Retry-After}, not a 500): Spring's translations of connection,
 * resource and transient failures, a transaction that could not begin, or, anywhere in the causes,
 * a JDBC connection or transient failure or an SQL state of class {@code 08} (connection exception)
 * or {@code 57P} (the server is shutting down or restarting).
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof RecoverableDataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean unavailableState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /** A short reason for a log line: the innermost message, never a stack trace. */
  public static String reason(Throwable failure) {
    Throwable innermost = failure;
    int depth = 0;
    while (innermost.getCause() != null && innermost.getCause() != innermost && depth++ < 16) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage();
    String text =
        innermost.getClass().getSimpleName()
            + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
