package ai.spice.secrets.cli;

import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.BulkProgressListener;
import ai.spice.secrets.bulk.FailureMode;
import picocli.CommandLine.Option;

/** The options of the commands that write many secrets: {@code import} and {@code apply}. */
final class BulkFlags {

    @Option(names = "--concurrency", paramLabel = "N", converter = OptionTypes.Positive.class,
            description = "The most requests in flight at once. Default: " + BulkOptions.DEFAULT_CONCURRENCY + ".")
    Integer concurrency;

    @Option(names = "--stop-at-first-failure",
            description = "Start no further secret once one has failed (those in flight finish); the rest are"
                    + " reported as skipped. Default: go on with every other secret.")
    boolean stopAtFirstFailure;

    @Option(names = "--no-progress",
            description = "Never draw the progress bar (it is drawn on standard error only when that is a terminal).")
    boolean noProgress;

    BulkOptions options(BulkProgressListener progress) {
        BulkOptions.Builder builder = BulkOptions.builder().progress(progress)
                .failureMode(stopAtFirstFailure ? FailureMode.STOP_AT_FIRST_FAILURE : FailureMode.CONTINUE);
        if (concurrency != null) {
            builder.concurrency(concurrency);
        }
        return builder.build();
    }
}
