package ch.gemeindeportal.engine;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Forwards the engine records the portal's read model needs (process definitions, element
 * lifecycle, user tasks, incidents, failed jobs) as JSON arrays to an HTTP endpoint of the portal.
 * Camunda 8.6 offers search only through Elasticsearch, which we do not run.
 *
 * <p>Delivery is at least once: a record's position is acknowledged to Zeebe only after the sink
 * answered 2xx, and Zeebe persists acknowledged positions only with its periodic snapshots. So
 * after a restart, a crash or a lost response records are sent again; the sink has to be
 * idempotent, e.g. keyed by (partitionId, position).
 *
 * <p>While the sink is down, the buffer (up to maxBatchSize records) is kept and retried with a
 * back-off of up to 2 s; once it is full, export() throws and Zeebe retries that record later.
 *
 * <p>All methods run on the exporter's actor (an I/O thread, so the blocking HTTP call with its
 * 2 s timeout does not stall stream processing); the state needs no synchronization. Record
 * contents (which may hold personal data) are never logged.
 */
public final class PortalRecordsExporter implements Exporter {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  private static final long MAX_RETRY_DELAY_MS = 2_000;
  private static final int LOG_EVERY_NTH_FAILURE = 50;

  private static final Set<ValueType> VALUE_TYPES =
      EnumSet.of(
          ValueType.PROCESS,
          ValueType.PROCESS_INSTANCE,
          ValueType.USER_TASK,
          ValueType.INCIDENT);

  private final List<String> buffer = new ArrayList<>();
  private Logger log;
  private ExporterSettings settings;
  private Controller controller;
  private HttpClient http;
  private ScheduledTask flushTask;
  /** Position of the last record export() accepted, whether buffered or skipped. */
  private long lastHandledPosition = -1;
  private long acknowledgedPosition = -1;
  /** After a failed delivery: no new attempt before this System.nanoTime(). */
  private long nextAttemptAtNanos;
  private int failedAttempts;

  @Override
  public void configure(final Context context) {
    log = context.getLogger();
    settings = ExporterSettings.fromArguments(context.getConfiguration().getArguments());
    context.setFilter(
        new Context.RecordFilter() {
          @Override
          public boolean acceptType(final RecordType recordType) {
            return recordType == RecordType.EVENT;
          }

          @Override
          public boolean acceptValue(final ValueType valueType) {
            return VALUE_TYPES.contains(valueType);
          }
        });
  }

  @Override
  public void open(final Controller controller) {
    this.controller = controller;
    acknowledgedPosition = controller.getLastExportedRecordPosition();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HTTP_TIMEOUT)
            .build();
    nextAttemptAtNanos = System.nanoTime();
    scheduleFlush();
    log.info("Portal exporter open: {}", settings);
  }

  @Override
  public void close() {
    if (flushTask != null) {
      flushTask.cancel();
    }
    // Best effort; whatever is not acknowledged is exported again after the restart.
    if (controller != null) {
      flush();
    }
    if (http != null) {
      http.close();
    }
  }

  @Override
  public void export(final Record<?> record) {
    if (!isForwarded(record.getRecordType(), record.getValueType(), record.getIntent())) {
      lastHandledPosition = record.getPosition();
      return;
    }
    if (buffer.size() >= settings.maxBatchSize() && !(mayAttemptDelivery() && flush())) {
      // The record is not buffered: Zeebe retries export() with this same record after a back-off.
      throw new IllegalStateException(
          "Portal record sink unavailable and buffer full (%d records); retrying later"
              .formatted(buffer.size()));
    }
    buffer.add(record.toJson());
    lastHandledPosition = record.getPosition();
    if (buffer.size() >= settings.maxBatchSize() && mayAttemptDelivery()) {
      flush();
    }
  }

  static boolean isForwarded(
      final RecordType recordType, final ValueType valueType, final Intent intent) {
    if (recordType != RecordType.EVENT) {
      return false;
    }
    return switch (valueType) {
      case PROCESS -> intent == ProcessIntent.CREATED;
      case PROCESS_INSTANCE ->
          intent == ProcessInstanceIntent.ELEMENT_ACTIVATED
              || intent == ProcessInstanceIntent.ELEMENT_COMPLETED
              || intent == ProcessInstanceIntent.ELEMENT_TERMINATED;
      case USER_TASK -> true;
      case INCIDENT -> intent == IncidentIntent.CREATED || intent == IncidentIntent.RESOLVED;
      default -> false;
    };
  }

  /**
   * Note: Zeebe's actor timers fire late while the broker is idle (its timer wheel advances one
   * tick per scheduler loop), so records typically reach the sink 100-700 ms after they were
   * written; zeebe.actor.idle.maxParkPeriod trades idle CPU for a shorter delay.
   */
  private void scheduleFlush() {
    flushTask = controller.scheduleCancellableTask(settings.flushInterval(), this::onFlushTimer);
  }

  private void onFlushTimer() {
    if (mayAttemptDelivery()) {
      flush();
    }
    scheduleFlush();
  }

  private boolean mayAttemptDelivery() {
    return System.nanoTime() - nextAttemptAtNanos >= 0;
  }

  /**
   * Sends the buffer as one JSON array and acknowledges its last position on a 2xx answer.
   *
   * @return true when nothing is pending any more
   */
  private boolean flush() {
    if (buffer.isEmpty()) {
      acknowledge();
      return true;
    }
    final HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(HTTP_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + settings.token())
            .POST(HttpRequest.BodyPublishers.ofString(jsonArray(buffer), StandardCharsets.UTF_8))
            .build();
    try {
      final HttpResponse<Void> response =
          http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() < 200 || response.statusCode() > 299) {
        onFailure("HTTP status " + response.statusCode());
        return false;
      }
    } catch (final IOException e) {
      onFailure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return false;
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      onFailure("interrupted");
      return false;
    }

    if (failedAttempts > 0) {
      log.info("Portal record sink reachable again after {} failed attempt(s)", failedAttempts);
      failedAttempts = 0;
    }
    buffer.clear();
    acknowledge();
    return true;
  }

  private void acknowledge() {
    if (lastHandledPosition > acknowledgedPosition) {
      controller.updateLastExportedRecordPosition(lastHandledPosition);
      acknowledgedPosition = lastHandledPosition;
    }
  }

  /** Backs off while the sink is down, so a hanging sink does not tie up the actor all the time. */
  private void onFailure(final String reason) {
    failedAttempts++;
    final long base = settings.flushInterval().toMillis();
    final long delayMs = Math.min(base << Math.min(failedAttempts - 1, 10), MAX_RETRY_DELAY_MS);
    nextAttemptAtNanos = System.nanoTime() + Duration.ofMillis(Math.max(base, delayMs)).toNanos();
    if (failedAttempts == 1 || failedAttempts % LOG_EVERY_NTH_FAILURE == 0) {
      log.warn(
          "Portal record sink {} not reachable ({}); {} record(s) kept for retry, attempt {}",
          settings.url(),
          reason,
          buffer.size(),
          failedAttempts);
    }
  }

  private static String jsonArray(final List<String> jsonRecords) {
    final StringBuilder body = new StringBuilder(jsonRecords.size() * 512).append('[');
    for (int i = 0; i < jsonRecords.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(jsonRecords.get(i));
    }
    return body.append(']').toString();
  }
}
