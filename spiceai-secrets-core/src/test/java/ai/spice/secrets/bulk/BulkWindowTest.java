package ai.spice.secrets.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.secrets.Secret;
import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.BulkFailureException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.ServiceError;
import ai.spice.secrets.errors.SpiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The window of in-flight upserts, watched through a fake client whose futures the test completes. */
class BulkWindowTest {

    @Test
    void neverHasMoreThanTheConcurrencyInFlightAndStartsOneAsEachCompletes() {
        FakeAsyncClient client = new FakeAsyncClient();
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets(10), BulkOptions.builder().concurrency(3).build());
        assertThat(client.started()).extracting(FakeAsyncClient.Started::name).containsExactly("K0", "K1", "K2");
        int completed = 0;
        while (completed < 10) {
            assertThat(client.inFlight()).isLessThanOrEqualTo(3);
            client.started().get(completed++).succeed();
            assertThat(client.started()).hasSize(Math.min(10, completed + 3));
        }
        assertThat(result).isCompleted();
        assertThat(result.join().succeeded().keySet()).containsExactlyElementsOf(secrets(10).keySet());
    }

    @Test
    void keepsInputOrderInTheResultWhateverTheOrderOfCompletion() {
        FakeAsyncClient client = new FakeAsyncClient();
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets(4), BulkOptions.builder().concurrency(4).build());
        List<FakeAsyncClient.Started> started = client.started();
        started.get(3).succeed();
        started.get(1).future().completeExceptionally(rateLimited());
        started.get(0).succeed();
        started.get(2).succeed();
        assertThat(result.join().succeeded().keySet()).containsExactly("K0", "K2", "K3");
        assertThat(result.join().failed()).containsOnlyKeys("K1");
    }

    @Test
    void reportsProgressInTheOrderOfCompletionWithNamesOnly() {
        FakeAsyncClient client = new FakeAsyncClient();
        List<String> events = new ArrayList<>();
        client.upsertAll(1, secrets(3), BulkOptions.builder()
                .progress((done, total, name) -> events.add(done + "/" + total + " " + name)).build());
        client.started().get(2).succeed();
        client.started().get(0).future().completeExceptionally(rateLimited());
        client.started().get(1).succeed();
        assertThat(events).containsExactly("1/3 K2", "2/3 K0", "3/3 K1");
    }

    @Test
    void futuresCompletedAtOnceNeitherRecurseNorBlock() {
        FakeAsyncClient client = new FakeAsyncClient(name -> CompletableFuture.completedFuture(FakeAsyncClient.secret(name)));
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets(20_000), BulkOptions.builder().concurrency(2).build());
        assertThat(result).isCompleted();
        assertThat(result.join().successCount()).isEqualTo(20_000);
    }

    @Test
    void stopAtFirstFailureLetsTheOnesInFlightFinishAndSkipsTheRest() {
        FakeAsyncClient client = new FakeAsyncClient();
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets(6),
                BulkOptions.builder().concurrency(2).failureMode(FailureMode.STOP_AT_FIRST_FAILURE).build());
        client.started().get(0).future().completeExceptionally(rateLimited());
        assertThat(client.started()).hasSize(2);
        assertThat(result).isNotDone();
        client.started().get(1).succeed();
        BulkResult done = result.join();
        assertThat(done.failed()).containsOnlyKeys("K0");
        assertThat(done.succeeded()).containsOnlyKeys("K1");
        assertThat(done.skipped()).containsExactly("K2", "K3", "K4", "K5");
    }

    @Test
    void cancellingTheResultCancelsTheUpsertsInFlightAndStartsNoMore() {
        FakeAsyncClient client = new FakeAsyncClient();
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets(5), BulkOptions.builder().concurrency(2).build());
        assertThat(result.cancel(true)).isTrue();
        assertThat(client.started()).hasSize(2).allSatisfy(started -> assertThat(started.future()).isCancelled());
    }

    @Test
    void aFailureThatIsNotASpiceExceptionFailsTheWholeOperation() {
        IllegalStateException closed = new IllegalStateException("the SecretsClient is closed");
        FakeAsyncClient client = new FakeAsyncClient(name -> {
            if (name.equals("K1")) {
                throw closed;
            }
            return new CompletableFuture<>();
        });
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets(4), BulkOptions.builder().concurrency(2).build());
        assertThat(client.started()).extracting(FakeAsyncClient.Started::name).containsExactly("K0");
        assertThat(result).isNotDone();
        client.started().get(0).succeed();
        assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class).hasCause(closed);
    }

    @Test
    void aListenerThatThrowsChangesNothing() {
        FakeAsyncClient client = new FakeAsyncClient(name -> CompletableFuture.completedFuture(FakeAsyncClient.secret(name)));
        BulkResult result = client.upsertAll(1, secrets(3), BulkOptions.builder()
                .progress((done, total, name) -> {
                    throw new IllegalStateException("listener bug");
                }).build()).join();
        assertThat(result.successCount()).isEqualTo(3);
    }

    @Test
    void anEmptyMapCompletesAtOnceWithAnEmptyResult() {
        BulkResult result = new FakeAsyncClient().upsertAll(1, Map.of()).join();
        assertThat(result.total()).isZero();
        assertThat(result.isSuccess()).isTrue();
        assertThat(result).hasToString("BulkResult[total=0, succeeded=0, failed=0, skipped=0]");
    }

    @Test
    void theMapIsCopiedAtTheCall() {
        FakeAsyncClient client = new FakeAsyncClient();
        Map<String, SecretValue> secrets = secrets(2);
        CompletableFuture<BulkResult> result = client.upsertAll(1, secrets, BulkOptions.builder().concurrency(1).build());
        secrets.put("LATE", SecretValue.of("late"));
        client.started().get(0).succeed();
        client.started().get(1).succeed();
        assertThat(result.join().succeeded()).containsOnlyKeys("K0", "K1");
    }

    @Test
    void optionsValidateEagerlyAndBuildersDoNotChangeWhatTheyBuilt() {
        assertThatThrownBy(() -> BulkOptions.builder().concurrency(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency must be >= 1, was 0");
        assertThatThrownBy(() -> BulkOptions.builder().failureMode(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("mode");
        assertThatThrownBy(() -> BulkOptions.builder().progress(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("listener");
        BulkOptions.Builder builder = BulkOptions.builder().concurrency(3);
        BulkOptions built = builder.build();
        builder.concurrency(5);
        assertThat(built.concurrency()).isEqualTo(3);
        assertThat(built.toBuilder().build().concurrency()).isEqualTo(3);
        assertThat(BulkOptions.defaults()).hasToString("BulkOptions[concurrency=8, failureMode=CONTINUE]");
        assertThat(built.toBuilder().build()).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built).isNotEqualTo(builder.build()).isNotEqualTo(BulkOptions.defaults());
        BulkProgressListener listener = (done, total, name) -> { };
        assertThat(BulkOptions.builder().progress(listener).build())
                .isEqualTo(BulkOptions.builder().progress(listener).build())
                .isNotEqualTo(BulkOptions.builder().progress((done, total, name) -> { }).build())
                .asString().contains("progress=");
    }

    @Test
    void resultRecordsCopyAndCheckTheirParts() {
        Map<String, Secret> ok = new LinkedHashMap<>();
        ok.put("A", FakeAsyncClient.secret("A"));
        BulkResult result = new BulkResult(ok, Map.of(), List.of());
        ok.put("B", FakeAsyncClient.secret("B"));
        assertThat(result.succeeded()).containsOnlyKeys("A");
        assertThatThrownBy(() -> new BulkResult(ok, Map.of("A", rateLimited()), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A is both succeeded and failed");
        assertThatThrownBy(() -> new BulkResult(Map.of(), Map.of(), List.of("X")).throwIfFailed())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bulkFailureListsTwentyNamesThenCountsTheRestAndKeepsOthersAsSuppressed() {
        Map<String, SpiceException> failures = new LinkedHashMap<>();
        IntStream.range(0, 25).forEach(i -> failures.put("K" + i, rateLimited()));
        BulkFailureException error = new BulkFailureException(failures, 100);
        assertThat(error.getMessage()).startsWith("25 of 100 secrets failed: K0 (RateLimitException), K1 (")
                .endsWith("K19 (RateLimitException), and 5 more");
        assertThat(error.getCause()).isSameAs(failures.get("K0"));
        assertThat(error.getSuppressed()).hasSize(24);
        assertThat(error).isInstanceOf(SpiceException.class);
    }

    private static RateLimitException rateLimited() {
        return new RateLimitException(new ServiceError(429, "POST", "/v1/apps/1/secrets", "rate limit exceeded",
                Optional.empty(), Map.of(), Optional.empty()), Optional.empty());
    }

    private static Map<String, SecretValue> secrets(int count) {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> secrets.put("K" + i, SecretValue.of("v" + i)));
        return secrets;
    }
}
