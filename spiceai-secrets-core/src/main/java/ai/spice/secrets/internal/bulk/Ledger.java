package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.bulk.SyncLedger;
import ai.spice.secrets.errors.LedgerException;
import ai.spice.secrets.internal.json.Json;
import ai.spice.secrets.internal.json.LedgerJson;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync ledger's file: read and checked (format, version, key, MAC) at plan time, and changed only by
 * {@link #commit}, which rereads it under the ledger's lock and merges, so that two processes syncing through one
 * ledger never lose each other's entries. A missing file is an empty ledger; any other trouble is a
 * {@link LedgerException}, never an empty ledger.
 */
final class Ledger {

    private static final Comparator<LedgerEntry> ORDER = Comparator.comparing((LedgerEntry e) -> e.place().api())
            .thenComparing(e -> e.place().organization()).thenComparingLong(e -> e.place().appId())
            .thenComparing(LedgerEntry::name);

    private final SyncLedger config;
    private final Map<LedgerEntry.Key, LedgerEntry> entries;

    private Ledger(SyncLedger config, Map<LedgerEntry.Key, LedgerEntry> entries) {
        this.config = config;
        this.entries = entries;
    }

    /** Reads the ledger; a ledger file without its key fails rather than being taken as empty. */
    static Ledger read(SyncLedger config) {
        Optional<byte[]> bytes = readFile(config.file());
        if (bytes.isEmpty()) {
            return new Ledger(config, Map.of());
        }
        byte[] key = LedgerKeys.existing(config).orElseThrow(() -> new LedgerException(config.file(),
                "the ledger exists but its " + config.keySource() + " does not; without the key that wrote it the"
                        + " ledger cannot be trusted (delete the ledger to start again: every secret is then unknown)",
                null));
        return new Ledger(config, parse(config, bytes.get(), new LedgerHmac(key)));
    }

    /** The recorded write of each secret. */
    Map<LedgerEntry.Key, LedgerEntry> entries() {
        return entries;
    }

    /** The HMAC under this ledger's key, creating the key file if there is none yet (the first write). */
    LedgerHmac hmacForWriting() {
        return new LedgerHmac(LedgerKeys.createIfMissing(config));
    }

    /** The HMAC under this ledger's key, if there is a key yet: without one, no entry can match. */
    Optional<LedgerHmac> hmacForReading() {
        return LedgerKeys.existing(config).map(LedgerHmac::new);
    }

    /**
     * Records confirmed writes and deletes: under the lock, rereads the file, keeps whichever entry of a secret the API
     * wrote last, drops a deleted secret's entry unless another process recorded a newer write since, and replaces the
     * file at once.
     *
     * @param written the entries of confirmed writes
     * @param deleted for each confirmed delete, the entry this process knew for it (or none)
     */
    void commit(Collection<LedgerEntry> written, Map<LedgerEntry.Key, Optional<LedgerEntry>> deleted) {
        LedgerHmac hmac = hmacForWriting();
        Path file = config.file();
        try {
            LedgerFiles.underLock(file, () -> {
                Map<LedgerEntry.Key, LedgerEntry> current = new LinkedHashMap<>(
                        readFile(file).map(bytes -> parse(config, bytes, hmac)).orElse(Map.of()));
                for (LedgerEntry entry : written) {
                    current.merge(entry.key(), entry,
                            (mine, theirs) -> theirs.updatedAt().isAfter(mine.updatedAt()) ? theirs : mine);
                }
                deleted.forEach((key, known) -> {
                    LedgerEntry now = current.get(key);
                    if (now != null && (known.isEmpty() || !now.updatedAt().isAfter(known.get().updatedAt()))) {
                        current.remove(key);
                    }
                });
                LedgerFiles.replace(file, Json.writeLedger(toJson(current.values(), hmac)));
                return null;
            });
        } catch (IOException e) {
            throw new LedgerException(file, "cannot be written (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static Optional<byte[]> readFile(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new LedgerException(file, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new LedgerException(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Map<LedgerEntry.Key, LedgerEntry> parse(SyncLedger config, byte[] bytes, LedgerHmac hmac) {
        Path file = config.file();
        LedgerJson.File json;
        try {
            json = Json.readLedger(bytes);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file, "not a readable ledger: " + e.getMessage(), null);
        }
        if (!LedgerJson.FORMAT.equals(json.format())) {
            throw new LedgerException(file, "not a sync ledger (no \"format\": \"" + LedgerJson.FORMAT + "\")", null);
        }
        if (!Objects.equals(json.version(), LedgerJson.VERSION)) {
            throw new LedgerException(file, "ledger version " + json.version() + ", this SDK reads version "
                    + LedgerJson.VERSION, null);
        }
        if (json.keyCheck() == null || !LedgerHmac.same(json.keyCheck(), hmac.keyCheck())) {
            throw new LedgerException(file, "written with another key than the " + config.keySource(), null);
        }
        if (json.entries() == null || json.mac() == null) {
            throw new LedgerException(file, "incomplete: \"entries\" or \"mac\" is missing", null);
        }
        Map<LedgerEntry.Key, LedgerEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < json.entries().size(); i++) {
            LedgerEntry entry = fromJson(json.entries().get(i), i, file);
            if (entries.put(entry.key(), entry) != null) {
                throw new LedgerException(file, "entry " + i + " repeats an earlier secret", null);
            }
        }
        if (!LedgerHmac.same(json.mac(), mac(entries.values(), hmac))) {
            throw new LedgerException(file, "its contents do not match its MAC: edited by hand or damaged", null);
        }
        return Map.copyOf(entries);
    }

    private static LedgerEntry fromJson(LedgerJson.Entry entry, int index, Path file) {
        if (entry == null || entry.api() == null || entry.organization() == null || entry.appId() == null
                || entry.name() == null || entry.hmac() == null || entry.id() == null || entry.updatedAt() == null) {
            throw new LedgerException(file, "entry " + index + " lacks a field", null);
        }
        return new LedgerEntry(new LedgerEntry.Place(entry.api(), entry.organization(), entry.appId()), entry.name(),
                entry.hmac(), entry.id(), entry.updatedAt());
    }

    private static LedgerJson.File toJson(Collection<LedgerEntry> entries, LedgerHmac hmac) {
        List<LedgerJson.Entry> sorted = entries.stream().sorted(ORDER)
                .map(e -> new LedgerJson.Entry(e.place().api(), e.place().organization(), e.place().appId(), e.name(),
                        e.hmac(), e.id(), e.updatedAt()))
                .toList();
        return new LedgerJson.File(LedgerJson.FORMAT, LedgerJson.VERSION, hmac.keyCheck(), sorted,
                mac(entries, hmac));
    }

    /** The MAC of the entries, in the file's order, so that any edit of any field is noticed. */
    private static String mac(Collection<LedgerEntry> entries, LedgerHmac hmac) {
        StringBuilder text = new StringBuilder("entries v1\n");
        entries.stream().sorted(ORDER).forEach(e -> text.append(e.place().api()).append('\0')
                .append(e.place().organization()).append('\0').append(e.place().appId()).append('\0').append(e.name())
                .append('\0').append(e.hmac()).append('\0').append(e.id()).append('\0').append(e.updatedAt())
                .append('\n'));
        return hmac.of(text.toString());
    }
}
