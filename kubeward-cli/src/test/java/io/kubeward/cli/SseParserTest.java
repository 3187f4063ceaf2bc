package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private static List<SseEvent> parse(String stream) {
    SseParser parser = new SseParser();
    List<SseEvent> events = new ArrayList<>();
    stream.lines().forEach(line -> parser.line(line).ifPresent(events::add));
    parser.end().ifPresent(events::add);
    return events;
  }

  @Test
  void readsNamedEventsWithOrWithoutTheSpaceAfterTheColon() {
    List<SseEvent> events =
        parse("event:maintenance\ndata:{\"a\":1}\n\nevent: maintenance\ndata: {\"a\":2}\n\n");

    assertThat(events)
        .containsExactly(
            new SseEvent("maintenance", "{\"a\":1}"), new SseEvent("maintenance", "{\"a\":2}"));
  }

  @Test
  void joinsDataLinesAndIgnoresCommentsIdsAndEmptyEvents() {
    List<SseEvent> events =
        parse(": keep-alive\n\nid: 7\nretry: 1000\ndata: first\ndata: second\n\nevent: lonely\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "first\nsecond"));
  }

  @Test
  void anEventCutOffByTheEndOfTheStreamStillCounts() {
    assertThat(parse("event: maintenance\ndata: {}"))
        .containsExactly(new SseEvent("maintenance", "{}"));
  }
}
