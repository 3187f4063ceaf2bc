/**
 * The transports of alert channels (ADR 0033): HTTP over the JDK client (no redirects, no proxy,
 * timeouts, bounded answer) and SMTP over Jakarta Mail (Eclipse Angus: STARTTLS required unless a
 * channel says otherwise, authentication, {@code multipart/alternative} text and HTML).
 */
package io.kubeward.alert.delivery;
