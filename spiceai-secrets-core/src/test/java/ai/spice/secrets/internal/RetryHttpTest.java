package ai.spice.secrets.internal;

import static ai.spice.secrets.internal.FaultExpectation.Wait.ABOUT_30_SECONDS;
import static ai.spice.secrets.internal.FaultExpectation.Wait.BACKOFF;
import static ai.spice.secrets.internal.FaultExpectation.Wait.NONE;
import static ai.spice.secrets.internal.FaultExpectation.Wait.ONE_SECOND;
import static ai.spice.secrets.internal.FaultExpectation.fails;
import static ai.spice.secrets.internal.FaultExpectation.goodAnswer;
import static ai.spice.secrets.internal.FaultExpectation.returns;
import static ai.spice.secrets.internal.Op.DELETE;
import static ai.spice.secrets.internal.Op.DELETE_IF_EXISTS;
import static ai.spice.secrets.internal.Op.FIND;
import static ai.spice.secrets.internal.Op.GET;
import static ai.spice.secrets.internal.Op.LIST;
import static ai.spice.secrets.internal.Op.UPSERT;
import static ai.spice.secrets.internal.Op.UPSERT_SECRET_VALUE;
import static ai.spice.secrets.internal.WireFault.CONNECTION_REFUSED;
import static ai.spice.secrets.internal.WireFault.EMPTY_RESPONSE;
import static ai.spice.secrets.internal.WireFault.GARBAGE_THEN_CLOSE;
import static ai.spice.secrets.internal.WireFault.MALFORMED_CHUNK;
import static ai.spice.secrets.internal.WireFault.NOT_JSON_200;
import static ai.spice.secrets.internal.WireFault.RESET;
import static ai.spice.secrets.internal.WireFault.SLOW;
import static ai.spice.secrets.internal.WireFault.STATUS_301;
import static ai.spice.secrets.internal.WireFault.STATUS_302;
import static ai.spice.secrets.internal.WireFault.STATUS_307;
import static ai.spice.secrets.internal.WireFault.STATUS_308;
import static ai.spice.secrets.internal.WireFault.STATUS_400;
import static ai.spice.secrets.internal.WireFault.STATUS_401;
import static ai.spice.secrets.internal.WireFault.STATUS_403;
import static ai.spice.secrets.internal.WireFault.STATUS_404;
import static ai.spice.secrets.internal.WireFault.STATUS_405;
import static ai.spice.secrets.internal.WireFault.STATUS_408;
import static ai.spice.secrets.internal.WireFault.STATUS_409;
import static ai.spice.secrets.internal.WireFault.STATUS_413;
import static ai.spice.secrets.internal.WireFault.STATUS_422;
import static ai.spice.secrets.internal.WireFault.STATUS_429;
import static ai.spice.secrets.internal.WireFault.STATUS_429_RATE_LIMIT_RESET;
import static ai.spice.secrets.internal.WireFault.STATUS_429_RETRY_AFTER_DATE;
import static ai.spice.secrets.internal.WireFault.STATUS_429_RETRY_AFTER_SECONDS;
import static ai.spice.secrets.internal.WireFault.STATUS_500;
import static ai.spice.secrets.internal.WireFault.STATUS_501;
import static ai.spice.secrets.internal.WireFault.STATUS_502;
import static ai.spice.secrets.internal.WireFault.STATUS_503;
import static ai.spice.secrets.internal.WireFault.STATUS_504;
import static ai.spice.secrets.internal.WireFault.STATUS_505;
import static ai.spice.secrets.internal.WireFault.TRUNCATED_200;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.secrets.Figures;
import ai.spice.secrets.RetryPolicy;
import ai.spice.secrets.SecretsClient;
import ai.spice.secrets.errors.BadRequestException;
import ai.spice.secrets.errors.ConflictException;
import ai.spice.secrets.errors.InternalServerException;
import ai.spice.secrets.errors.NotFoundException;
import ai.spice.secrets.errors.PayloadTooLargeException;
import ai.spice.secrets.errors.PermissionDeniedException;
import ai.spice.secrets.errors.RateLimitException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import ai.spice.secrets.errors.UnauthorizedException;
import ai.spice.secrets.errors.UnexpectedStatusCodeException;
import ai.spice.secrets.errors.UnprocessableEntityException;
import ai.spice.secrets.internal.FaultExpectation.Outcome;
import ai.spice.secrets.internal.FaultExpectation.Wait;
import ai.spice.secrets.internal.FaultRun.Answer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every {@link WireFault} met by the operations, sync and async, as tables whose rows say how the
 * call ends: its value or exception, after how many SDK attempts (counted by a listener: the JDK resends some GETs on
 * its own), how many requests the server saw, and the wait asked for before each retry. Whether a status is retried
 * and after how long does not depend on the operation ({@code RetryRulesTest} decides every status here without the
 * wire), so a status meets one operation per distinct request; the other faults, and a 404, meet all seven.
 */
class RetryHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final Figures figures = Figures.summary(RetryHttpTest::summary);

    private static final List<Op> ALL = List.of(Op.values());
    /** The operations that send a GET: the JDK sends a GET again itself when the connection closes before any answer. */
    private static final List<Op> READS = List.of(LIST, GET, FIND);
    private static final List<Op> WRITES = List.of(UPSERT, UPSERT_SECRET_VALUE, DELETE, DELETE_IF_EXISTS);
    /** The operations whose good answer has a body to read. */
    private static final List<Op> WITH_BODY = List.of(LIST, GET, FIND, UPSERT, UPSERT_SECRET_VALUE);
    private static final List<Op> DELETES = List.of(DELETE, DELETE_IF_EXISTS);
    /** One operation per distinct request: FIND sends GET's, UPSERT_SECRET_VALUE UPSERT's, DELETE_IF_EXISTS DELETE's. */
    private static final List<Op> REQUESTS = List.of(LIST, GET, UPSERT, DELETE);
    /** The operations for which a 404 is an error: FIND answers it with empty, DELETE_IF_EXISTS with false. */
    private static final List<Op> NOT_FIND_NOR_DELETE_IF_EXISTS = List.of(LIST, GET, UPSERT, UPSERT_SECRET_VALUE, DELETE);

    /** A fault met once, then the good answer: the call succeeds with the default policy. */
    static Stream<Arguments> oneFaultThenTheGoodAnswer() {
        return table(
                // fault met once                       operations ends in     attempts requests wait
                survives(CONNECTION_REFUSED,             ALL,       goodAnswer(), 2, 1, BACKOFF), // sent once the server is up
                survives(RESET,                          READS,     goodAnswer(), 1, 2, NONE), // the JDK's resend hides it
                survives(RESET,                          WRITES,    goodAnswer(), 2, 2, BACKOFF),
                survives(EMPTY_RESPONSE,                 READS,     goodAnswer(), 1, 2, NONE),
                survives(EMPTY_RESPONSE,                 WRITES,    goodAnswer(), 2, 2, BACKOFF),
                survives(GARBAGE_THEN_CLOSE,             ALL,       goodAnswer(), 2, 2, BACKOFF),
                survives(MALFORMED_CHUNK,                ALL,       goodAnswer(), 2, 2, BACKOFF),
                survives(SLOW,                           ALL,       goodAnswer(), 2, 2, BACKOFF),
                survives(TRUNCATED_200,                  ALL,       goodAnswer(), 2, 2, BACKOFF),
                survives(NOT_JSON_200,                   WITH_BODY, goodAnswer(), 2, 2, BACKOFF),
                survives(NOT_JSON_200,                   DELETES,   goodAnswer(), 1, 1, NONE), // the body is not read
                survives(STATUS_408,                     REQUESTS,  goodAnswer(), 2, 2, BACKOFF),
                survives(STATUS_429,                     REQUESTS,  goodAnswer(), 2, 2, BACKOFF),
                survives(STATUS_429_RETRY_AFTER_SECONDS, REQUESTS,  goodAnswer(), 2, 2, ONE_SECOND),
                survives(STATUS_429_RETRY_AFTER_DATE,    REQUESTS,  goodAnswer(), 2, 2, ABOUT_30_SECONDS),
                survives(STATUS_429_RATE_LIMIT_RESET,    REQUESTS,  goodAnswer(), 2, 2, ABOUT_30_SECONDS),
                survives(STATUS_500,                     REQUESTS,  goodAnswer(), 2, 2, BACKOFF),
                survives(STATUS_502,                     REQUESTS,  goodAnswer(), 2, 2, BACKOFF),
                survives(STATUS_503,                     REQUESTS,  goodAnswer(), 2, 2, BACKOFF),
                survives(STATUS_504,                     REQUESTS,  goodAnswer(), 2, 2, BACKOFF));
    }

    /** A fault met on every attempt, with the default policy: what is retried ends after 3 attempts, the rest after 1. */
    static Stream<Arguments> faultOnEveryAttempt() {
        Outcome refused = fails(SpiceIoException.class).causedBy(ConnectException.class, "could not connect");
        Outcome io = fails(SpiceIoException.class);
        Outcome unexpected = fails(UnexpectedStatusCodeException.class);
        Outcome rateLimited = fails(RateLimitException.class);
        Outcome serverError = fails(InternalServerException.class);
        return table(
                // fault met on every attempt           operations ends in     attempts requests wait
                exhausts(CONNECTION_REFUSED,             ALL,       refused,     3, 0, BACKOFF),
                exhausts(RESET,                          READS,     io,          3, 6, BACKOFF), // the JDK sends each twice
                exhausts(RESET,                          WRITES,    io,          3, 3, BACKOFF),
                exhausts(EMPTY_RESPONSE,                 READS,     io,          3, 6, BACKOFF),
                exhausts(EMPTY_RESPONSE,                 WRITES,    io,          3, 3, BACKOFF),
                exhausts(GARBAGE_THEN_CLOSE,             ALL,       io,          3, 3, BACKOFF),
                exhausts(MALFORMED_CHUNK,                ALL,       io,          3, 3, BACKOFF),
                exhausts(SLOW,                           ALL,       fails(SpiceTimeoutException.class), 3, 3, BACKOFF),
                exhausts(TRUNCATED_200,                  ALL,       io,          3, 3, BACKOFF),
                exhausts(NOT_JSON_200,                   WITH_BODY, fails(SpiceInvalidDataException.class), 3, 3, BACKOFF),
                ignores(NOT_JSON_200,                    DELETES,   goodAnswer(), 1, 1, NONE),
                exhausts(STATUS_408,                     REQUESTS,  unexpected,  3, 3, BACKOFF),
                exhausts(STATUS_429,                     REQUESTS,  rateLimited, 3, 3, BACKOFF),
                exhausts(STATUS_429_RETRY_AFTER_SECONDS, REQUESTS,  rateLimited, 3, 3, ONE_SECOND),
                exhausts(STATUS_429_RETRY_AFTER_DATE,    REQUESTS,  rateLimited, 3, 3, ABOUT_30_SECONDS),
                exhausts(STATUS_429_RATE_LIMIT_RESET,    REQUESTS,  rateLimited, 3, 3, ABOUT_30_SECONDS),
                exhausts(STATUS_500,                     REQUESTS,  serverError, 3, 3, BACKOFF),
                exhausts(STATUS_502,                     REQUESTS,  serverError, 3, 3, BACKOFF),
                exhausts(STATUS_503,                     REQUESTS,  serverError, 3, 3, BACKOFF),
                exhausts(STATUS_504,                     REQUESTS,  serverError, 3, 3, BACKOFF),
                triesOnce(STATUS_301,                    REQUESTS,  unexpected,  1, 1, NONE),
                triesOnce(STATUS_302,                    REQUESTS,  unexpected,  1, 1, NONE),
                triesOnce(STATUS_307,                    REQUESTS,  unexpected,  1, 1, NONE),
                triesOnce(STATUS_308,                    REQUESTS,  unexpected,  1, 1, NONE),
                triesOnce(STATUS_400,                    REQUESTS,  fails(BadRequestException.class), 1, 1, NONE),
                triesOnce(STATUS_401,                    REQUESTS,  fails(UnauthorizedException.class), 1, 1, NONE),
                triesOnce(STATUS_403,                    REQUESTS,  fails(PermissionDeniedException.class), 1, 1, NONE),
                triesOnce(STATUS_404,                    NOT_FIND_NOR_DELETE_IF_EXISTS, fails(NotFoundException.class), 1, 1, NONE),
                answers(STATUS_404,                      List.of(FIND), returns(Optional.empty()), 1, 1, NONE),
                answers(STATUS_404,                      List.of(DELETE_IF_EXISTS), returns(false), 1, 1, NONE),
                triesOnce(STATUS_405,                    REQUESTS,  unexpected,  1, 1, NONE),
                triesOnce(STATUS_409,                    REQUESTS,  fails(ConflictException.class), 1, 1, NONE),
                triesOnce(STATUS_413,                    REQUESTS,  fails(PayloadTooLargeException.class), 1, 1, NONE),
                triesOnce(STATUS_422,                    REQUESTS,  fails(UnprocessableEntityException.class), 1, 1, NONE),
                triesOnce(STATUS_501,                    REQUESTS,  serverError, 1, 1, NONE),
                triesOnce(STATUS_505,                    REQUESTS,  serverError, 1, 1, NONE));
    }

    /**
     * A delete meets the fault once, then "Secret not found". If the first request left and its answer was lost, the
     * server may have deleted the secret: the 404 is that deletion. If the server answered (a gateway's 502 or 504 too:
     * a known limit) or was never reached, the 404 is the truth.
     */
    static Stream<Arguments> oneFaultThenSecretNotFound() {
        List<Op> delete = List.of(DELETE);
        List<Op> deleteIfExists = List.of(DELETE_IF_EXISTS);
        Outcome notFoundAfterIo = fails(NotFoundException.class).after(SpiceIoException.class);
        Outcome notFoundAfter5xx = fails(NotFoundException.class).after(InternalServerException.class);
        return table(
                // fault met once, then 404     operations      ends in          attempts requests wait
                neverSent(CONNECTION_REFUSED,   delete,         notFoundAfterIo,  2, 1, BACKOFF),
                neverSent(CONNECTION_REFUSED,   deleteIfExists, returns(false),   2, 1, BACKOFF),
                lostAnswer(RESET,               delete,         returns(null),    2, 2, BACKOFF),
                lostAnswer(RESET,               deleteIfExists, returns(true),    2, 2, BACKOFF),
                lostAnswer(EMPTY_RESPONSE,      delete,         returns(null),    2, 2, BACKOFF),
                lostAnswer(EMPTY_RESPONSE,      deleteIfExists, returns(true),    2, 2, BACKOFF),
                lostAnswer(GARBAGE_THEN_CLOSE,  delete,         returns(null),    2, 2, BACKOFF),
                lostAnswer(GARBAGE_THEN_CLOSE,  deleteIfExists, returns(true),    2, 2, BACKOFF),
                lostAnswer(MALFORMED_CHUNK,     delete,         returns(null),    2, 2, BACKOFF),
                lostAnswer(MALFORMED_CHUNK,     deleteIfExists, returns(true),    2, 2, BACKOFF),
                lostAnswer(SLOW,                delete,         returns(null),    2, 2, BACKOFF),
                lostAnswer(SLOW,                deleteIfExists, returns(true),    2, 2, BACKOFF),
                lostAnswer(TRUNCATED_200,       delete,         returns(null),    2, 2, BACKOFF),
                lostAnswer(TRUNCATED_200,       deleteIfExists, returns(true),    2, 2, BACKOFF),
                doneAtOnce(NOT_JSON_200,        delete,         returns(null),    1, 1, NONE), // the 200 is the answer
                doneAtOnce(NOT_JSON_200,        deleteIfExists, returns(true),    1, 1, NONE),
                answered(STATUS_502,            delete,         notFoundAfter5xx, 2, 2, BACKOFF),
                answered(STATUS_502,            deleteIfExists, returns(false),   2, 2, BACKOFF),
                answered(STATUS_503,            delete,         notFoundAfter5xx, 2, 2, BACKOFF),
                answered(STATUS_503,            deleteIfExists, returns(false),   2, 2, BACKOFF),
                answered(STATUS_504,            delete,         notFoundAfter5xx, 2, 2, BACKOFF),
                answered(STATUS_504,            deleteIfExists, returns(false),   2, 2, BACKOFF));
    }

    @ParameterizedTest(name = "{2} once, then the good answer: {0} {1} {3}")
    @MethodSource("oneFaultThenTheGoodAnswer")
    void oneFaultThenSuccessSucceedsWithTheDefaultPolicy(Op op, Op.Mode mode, WireFault fault, FaultExpectation expected)
            throws IOException {
        endsAsExpected(op, FaultRun.of(server, op, mode, fault, Optional.of(Answer.goodAnswerOf(op))), expected);
    }

    @ParameterizedTest(name = "{2} on every attempt: {0} {1} {3}")
    @MethodSource("faultOnEveryAttempt")
    void faultOnEveryAttemptEndsAsItsRowSaysAfterItsAttempts(Op op, Op.Mode mode, WireFault fault, FaultExpectation expected)
            throws IOException {
        endsAsExpected(op, FaultRun.of(server, op, mode, fault, Optional.empty()), expected);
    }

    @ParameterizedTest(name = "{2} once, then Secret not found: {0} {1} {3}")
    @MethodSource("oneFaultThenSecretNotFound")
    void aDeleteRetriedIntoSecretNotFoundIsDoneOnlyIfItsLostAnswerMayHaveBeenApplied(Op op, Op.Mode mode,
            WireFault fault, FaultExpectation expected) throws IOException {
        endsAsExpected(op, FaultRun.of(server, op, mode, fault, Optional.of(Answer.SECRET_NOT_FOUND)), expected);
    }

    private static void endsAsExpected(Op op, FaultRun run, FaultExpectation expected) {
        expected.check(op, run);
        figures.add(expected.figure(), 1);
        figures.add("SDK attempts", expected.attempts());
        figures.add("server requests", run.requests());
        // requests beyond the SDK's attempts are the JDK's own; a refused connection makes none at all
        figures.add("JDK resends", Math.max(0, run.requests() - expected.attempts()));
    }

    private static String summary(Figures f) {
        long cases = Stream.of("survived", "exhausted", "ignored body", "tried once", "absorbed", "lost answer",
                "answered", "never sent", "done at once").mapToLong(f::get).sum();
        return String.format("fault matrix: %d faults (%d retryable) x %d operations (a status: the %d distinct requests)"
                        + " x 2 modes = %d cases: %d one-fault-then-success survived; %d fault-on-every-attempt ended in"
                        + " the typed exception after exactly %d attempts, earlier ones suppressed (+%d deletes that do not"
                        + " read the bad body); %d non-retryable answers tried exactly once (+%d 404s that"
                        + " find/deleteIfExists answer); %d deletes met a fault once, then \"Secret not found\": %d took it"
                        + " as their own deletion (the answer was lost), %d reported it (the server answered, or was never"
                        + " reached), %d never met it (the 200 was the answer); %d SDK attempts, %d server requests,"
                        + " %d of them JDK resends",
                WireFault.values().length, oneFaultThenTheGoodAnswer().map(row -> row.get()[2]).distinct().count(),
                Op.values().length, REQUESTS.size(), cases, f.get("survived"), f.get("exhausted"),
                RetryPolicy.defaults().maxAttempts(), f.get("ignored body"), f.get("tried once"), f.get("absorbed"),
                f.get("lost answer") + f.get("answered") + f.get("never sent") + f.get("done at once"),
                f.get("lost answer"), f.get("answered") + f.get("never sent"), f.get("done at once"),
                f.get("SDK attempts"), f.get("server requests"),
                f.get("JDK resends"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Op.class, names = {"LIST", "GET", "FIND", "UPSERT"})
    void unreadableSuccessBodyIsRetriedThenReportedAsInvalidData(Op op) {
        server.stubFor(op.stub().willReturn(aResponse().withStatus(200).withBody("{\"secrets\":[{\"id\":1,\"na")));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            assertThat(catchThrowable(() -> op.run(client, Op.Mode.SYNC))).isInstanceOf(SpiceInvalidDataException.class)
                    .hasMessageContaining(op.method + " " + op.path);
        }
        assertThat(scheduler.delays).hasSize(2);
    }

    @ParameterizedTest(name = "429 with {0}: {1} -> waits {2}, {3} requests")
    @CsvSource({
            // header, value, waits asked for (ISO, space-separated), requests, the exception's retryAfter
            "Retry-After,       2,  PT2S PT2S, 3, PT2S",
            "X-RateLimit-Reset, 3,  PT3S PT3S, 3, PT3S",
            "Retry-After,       61, '',        1, PT1M1S", // longer than 60 s: not waited for
    })
    void aRateLimitWaitIsTheOneTheServerAsksForUpToSixtySeconds(String header, String value, String waits, int requests,
                                                               Duration retryAfter) {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(429).withHeader(header, value)));
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SecretsClient client = TestClients.builder(server, scheduler).build()) {
            assertThat(catchThrowable(() -> client.list(42))).isInstanceOfSatisfying(RateLimitException.class,
                    e -> assertThat(e.retryAfter()).contains(retryAfter));
        }
        assertThat(scheduler.delays).isEqualTo(Arrays.stream(waits.split(" ")).filter(wait -> !wait.isEmpty())
                .map(Duration::parse).toList());
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isEqualTo(requests);
    }

    @Test
    void attemptsFollowTheConfiguredPolicy() {
        server.stubFor(Op.LIST.stub().willReturn(aResponse().withStatus(503)));
        RecordingScheduler scheduler = new RecordingScheduler();
        RetryPolicy five = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(100)).multiplier(3).jitter(0).build();
        try (SecretsClient client = TestClients.builder(server, scheduler).retryPolicy(five).build()) {
            catchThrowable(() -> client.list(42));
        }
        assertThat(scheduler.delays).isEqualTo(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(2700)));
        assertThat(server.countRequestsMatching(Op.LIST.stub().build().getRequest()).getCount()).isEqualTo(5);
    }

    // Each row is named after the figure it counts toward; every row of a table has the same columns.

    private static Stream<Arguments> survives(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                              int requests, Wait wait) {
        return rows("survived", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> exhausts(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                              int requests, Wait wait) {
        return rows("exhausted", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> triesOnce(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                               int requests, Wait wait) {
        return rows("tried once", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> ignores(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                             int requests, Wait wait) {
        return rows("ignored body", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> answers(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                             int requests, Wait wait) {
        return rows("absorbed", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> lostAnswer(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                                int requests, Wait wait) {
        return rows("lost answer", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> answered(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                              int requests, Wait wait) {
        return rows("answered", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> doneAtOnce(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                                int requests, Wait wait) {
        return rows("done at once", fault, ops, outcome, attempts, requests, wait);
    }

    private static Stream<Arguments> neverSent(WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                               int requests, Wait wait) {
        return rows("never sent", fault, ops, outcome, attempts, requests, wait);
    }

    /** One row for many operations: a case per operation and mode, the same expectation for each. */
    private static Stream<Arguments> rows(String figure, WireFault fault, List<Op> ops, Outcome outcome, int attempts,
                                          int requests, Wait wait) {
        FaultExpectation expected = new FaultExpectation(figure, outcome, attempts, requests, wait);
        return ops.stream().flatMap(op -> Stream.of(Op.Mode.values()).map(mode -> Arguments.of(op, mode, fault, expected)));
    }

    @SafeVarargs
    private static Stream<Arguments> table(Stream<Arguments>... rows) {
        return Stream.of(rows).flatMap(row -> row);
    }
}
