package ai.spice.secrets.cli;

import ai.spice.secrets.bulk.BulkOptions;
import ai.spice.secrets.bulk.SyncLedger;
import ai.spice.secrets.bulk.SyncOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code plan} and {@code apply}: what the sync deletes and what protects secrets from it. */
final class SyncFlags {

    @Option(names = "--prune", description = "Delete the app's secrets that the file does not list.")
    boolean prune;

    @Option(names = "--create-only",
            description = "Only create the secrets the app lacks; leave the values of existing ones as they are.")
    boolean createOnly;

    @Option(names = "--ledger", paramLabel = "PATH",
            description = "The sync ledger file (created on the first apply): tells changed values from unchanged"
                    + " ones, which are then not sent, and notices secrets written elsewhere (drifted). It holds"
                    + " HMACs, never values. Its key: --ledger-key-file, else $" + SyncLedger.KEY_ENVIRONMENT_VARIABLE
                    + " (base64), else PATH.key (generated).")
    Path ledger;

    @Option(names = "--ledger-key-file", paramLabel = "FILE",
            description = "The ledger's key file (generated on the first write if missing). Needs --ledger.")
    Path ledgerKeyFile;

    @Option(names = "--refuse-drifted",
            description = "Refuse to apply, sending nothing, when a secret was written elsewhere since the ledger's"
                    + " record. Needs --ledger to notice anything.")
    boolean refuseDrifted;

    @Option(names = "--max-deletes", paramLabel = "N", converter = OptionTypes.Count.class,
            description = "Refuse to apply, sending nothing, a plan that deletes more than N secrets.")
    Integer maxDeletes;

    @Option(names = "--max-delete-fraction", paramLabel = "F", converter = OptionTypes.Fraction.class,
            description = "Refuse to apply, sending nothing, a plan that deletes more than this share (0 to 1) of the"
                    + " app's secrets.")
    Double maxDeleteFraction;

    @Option(names = "--protect", paramLabel = "GLOB", split = ",",
            description = "Never delete these names or globs (* any run, ? one character), e.g. PROD_*."
                    + " Repeatable, or comma-separated.")
    List<String> protect = new ArrayList<>();

    @Option(names = "--keep-referenced-by", paramLabel = "SPICEPOD",
            description = "Never delete a secret that this spicepod references.")
    Path keepReferencedBy;

    SyncOptions options(BulkOptions bulk, boolean dryRun) {
        SyncOptions.Builder builder = SyncOptions.builder().prune(prune).createOnly(createOnly).dryRun(dryRun)
                .bulk(bulk).refuseDrifted(refuseDrifted).protect(protect.toArray(String[]::new));
        if (ledgerKeyFile != null && ledger == null) {
            throw new UsageException("--ledger-key-file needs --ledger PATH");
        }
        if (ledger != null) {
            SyncLedger syncLedger = SyncLedger.at(ledger);
            builder.ledger(ledgerKeyFile == null ? syncLedger : syncLedger.withKeyFile(ledgerKeyFile));
        }
        if (maxDeletes != null) {
            builder.maxDeletes(maxDeletes);
        }
        if (maxDeleteFraction != null) {
            builder.maxDeleteFraction(maxDeleteFraction);
        }
        if (keepReferencedBy != null) {
            builder.keepReferencedBy(InputFiles.readable(keepReferencedBy, "--keep-referenced-by"));
        }
        return builder.build();
    }
}
