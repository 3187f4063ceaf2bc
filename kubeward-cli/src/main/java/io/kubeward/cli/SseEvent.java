package io.kubeward.cli;

/** One Server-Sent Event: its name ({@code message} when none was sent) and its data lines. */
public record SseEvent(String name, String data) {}
