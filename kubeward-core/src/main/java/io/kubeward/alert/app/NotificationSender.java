package io.kubeward.alert.app;

import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.Notification;
import java.util.concurrent.CompletableFuture;

/**
 * Port: the channels. Delivers one notification to its channel asynchronously, with the channel's
 * retries, backoff and rate limit, recording every attempt in {@link AlertHistory}; the future
 * completes with the outcome after the last attempt (never exceptionally). An unknown or disabled
 * channel completes at once as not delivered.
 */
public interface NotificationSender {

  CompletableFuture<Delivery> send(Notification notification);
}
