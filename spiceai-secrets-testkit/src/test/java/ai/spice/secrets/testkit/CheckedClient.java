package ai.spice.secrets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to an emulator as a real client would, and checks every exchange against the testkit's OpenAPI documents
 * ({@link Contract}): a test that uses it cannot see an answer the contract does not allow. Immutable.
 */
final class CheckedClient {

    /** How an exchange is checked. */
    private enum Check {
        /** The request and the answer must both match the contract. */
        BOTH,
        /** The request is one the contract forbids (the validator must say so); the answer must match. */
        ANSWER_TO_A_FORBIDDEN_REQUEST
    }

    private final URI baseUrl;
    private final Map<String, String> headers;
    private final Check check;

    private CheckedClient(URI baseUrl, Map<String, String> headers, Check check) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
        this.check = check;
    }

    static CheckedClient of(SecretsEmulator emulator, String token) {
        return anonymous(emulator).header("Authorization", "Bearer " + token);
    }

    static CheckedClient anonymous(SecretsEmulator emulator) {
        return new CheckedClient(emulator.baseUrl(), Map.of(), Check.BOTH);
    }

    /** The same client, sending one more header (or replacing it). */
    CheckedClient header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CheckedClient(baseUrl, more, check);
    }

    /** The same client, acting on another organization. */
    CheckedClient org(String handle) {
        return header("X-Org-Name", handle);
    }

    /**
     * The same client, for requests the contract itself forbids (a bad id, a bad secret name, a blank
     * {@code X-Org-Name}): the validator must flag each request, and the emulator's answer must still match.
     */
    CheckedClient forbiddenRequests() {
        return new CheckedClient(baseUrl, headers, Check.ANSWER_TO_A_FORBIDDEN_REQUEST);
    }

    Contract.Exchange get(String path) {
        return send("GET", path, null);
    }

    Contract.Exchange delete(String path) {
        return send("DELETE", path, null);
    }

    Contract.Exchange put(String path) {
        return send("PUT", path, null);
    }

    Contract.Exchange post(String path, String json) {
        return header("Content-Type", "application/json").send("POST", path, json);
    }

    Contract.Exchange send(String method, String path, String body) {
        Contract.Exchange exchange = Contract.send(baseUrl, method, path, headers, body);
        if (check == Check.BOTH) {
            assertThat(Contract.problems(exchange)).as("%s", exchange).isEmpty();
        } else {
            assertThat(Contract.requestProblems(exchange)).as("the contract forbids %s", exchange).isNotEmpty();
            assertThat(Contract.responseProblems(exchange)).as("%s", exchange).isEmpty();
        }
        return exchange;
    }
}
