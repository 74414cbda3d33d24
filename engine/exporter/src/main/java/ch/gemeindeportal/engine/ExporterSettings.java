package ch.gemeindeportal.engine;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Arguments of the exporter, from {@code zeebe.broker.exporters.portal.args} in engine/application.yaml. */
record ExporterSettings(URI url, String token, int maxBatchSize, Duration flushInterval) {

  static final String DEFAULT_URL = "http://127.0.0.1:3000/internal/engine-records";
  static final int DEFAULT_MAX_BATCH_SIZE = 200;
  static final int DEFAULT_FLUSH_INTERVAL_MS = 100;

  static ExporterSettings fromArguments(final Map<String, Object> arguments) {
    // Keys set through environment variables (ZEEBE_BROKER_EXPORTERS_PORTAL_ARGS_MAXBATCHSIZE) arrive
    // lower-cased from Spring's relaxed binding, so keys are matched case-insensitively.
    final Map<String, String> args = new HashMap<>();
    if (arguments != null) {
      arguments.forEach(
          (key, value) -> {
            if (value != null) {
              args.put(key.toLowerCase(Locale.ROOT), String.valueOf(value).trim());
            }
          });
    }

    final String token = args.getOrDefault("token", "");
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "Portal exporter: argument 'token' is empty (set PORTAL_RECORDS_TOKEN)");
    }
    return new ExporterSettings(
        parseUrl(nonBlankOrDefault(args.get("url"), DEFAULT_URL)),
        token,
        parsePositiveInt(args, "maxbatchsize", DEFAULT_MAX_BATCH_SIZE),
        Duration.ofMillis(parsePositiveInt(args, "flushintervalms", DEFAULT_FLUSH_INTERVAL_MS)));
  }

  private static String nonBlankOrDefault(final String value, final String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static URI parseUrl(final String value) {
    final URI url;
    try {
      url = URI.create(value);
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException("Portal exporter: argument 'url' is not a URL: " + value, e);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "Portal exporter: argument 'url' must be an http(s) URL, got: " + value);
    }
    return url;
  }

  private static int parsePositiveInt(
      final Map<String, String> args, final String key, final int fallback) {
    final String value = args.get(key);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    final int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (final NumberFormatException e) {
      throw new IllegalArgumentException(
          "Portal exporter: argument '" + key + "' must be a positive integer, got: " + value, e);
    }
    if (parsed <= 0) {
      throw new IllegalArgumentException(
          "Portal exporter: argument '" + key + "' must be a positive integer, got: " + value);
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "ExporterSettings[url=%s, token=<redacted>, maxBatchSize=%d, flushInterval=%s]"
        .formatted(url, maxBatchSize, flushInterval);
  }
}
