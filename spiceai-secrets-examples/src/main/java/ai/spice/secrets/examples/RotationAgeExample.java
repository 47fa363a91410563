package ai.spice.secrets.examples;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.testkit.SecretsEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** The secrets of an app not updated within N days (default 90), oldest first: Spice advises rotating regularly. */
public final class RotationAgeExample {

    private RotationAgeExample() {
    }

    static List<Secret> staleSecrets(List<Secret> secrets, Duration maxAge, Instant now) {
        return secrets.stream()
                .filter(secret -> secret.updatedAt().isBefore(now.minus(maxAge)))
                .sorted(Comparator.comparing(Secret::updatedAt))
                .toList();
    }

    public static void main(String[] args) {
        Duration maxAge = Duration.ofDays(args.length > 0 ? Long.parseLong(args[0]) : 90);
        BackdatingClock clock = new BackdatingClock();
        try (ExampleSession session = ExampleSession.open("RotationAgeExample", SecretsClient.builder(),
                SecretsEmulator.builder().clock(clock))) {
            session.emulator().ifPresent(emulator -> seedHistory(emulator, session.appId(), clock));
            Instant now = Instant.now();
            List<Secret> stale = staleSecrets(session.client().list(session.appId()), maxAge, now);
            System.out.println(stale.size() + " secret(s) not rotated in " + maxAge.toDays() + " days:");
            for (Secret secret : stale) {
                System.out.println("  " + secret.name() + " last updated " + secret.updatedAt()
                        + " (" + Duration.between(secret.updatedAt(), now).toDays() + " days ago)");
            }
        }
    }

    /** On the emulator, write a few secrets "in the past" so there is something to find. */
    private static void seedHistory(SecretsEmulator emulator, long appId, BackdatingClock clock) {
        clock.back = Duration.ofDays(400);
        emulator.storeSecret(appId, "LEGACY_FTP_PASSWORD", "x");
        clock.back = Duration.ofDays(120);
        emulator.storeSecret(appId, "PG_PASS", "x");
        clock.back = Duration.ofDays(10);
        emulator.storeSecret(appId, "OPENAI_API_KEY", "x");
        clock.back = Duration.ZERO;
    }

    /** The emulator's clock, which the example turns back while seeding. */
    private static final class BackdatingClock extends Clock {
        volatile Duration back = Duration.ZERO;

        @Override
        public Instant instant() {
            return Instant.now().minus(back);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
