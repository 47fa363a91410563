package ai.spice.secrets.internal.http;

import ai.spice.secrets.errors.SpiceException;
import ai.spice.secrets.errors.SpiceInvalidDataException;
import ai.spice.secrets.errors.SpiceIoException;
import ai.spice.secrets.errors.SpiceTimeoutException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what the transport threw into the SDK's exceptions; the one place checked exceptions are translated. */
public final class TransportFailure {

    private TransportFailure() {
    }

    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static SpiceException toSpiceException(Throwable error, String what) {
        Throwable cause = unwrap(error);
        if (cause instanceof SpiceException spice) {
            return spice;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new SpiceTimeoutException("connect timed out: " + what, cause);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new SpiceTimeoutException("request timed out: " + what, cause);
        }
        if (cause instanceof ResponseTooLargeException) {
            return new SpiceInvalidDataException(cause.getMessage() + ": " + what, cause);
        }
        if (cause instanceof InterruptedException) {
            return new SpiceIoException("interrupted while waiting for " + what, cause);
        }
        if (cause instanceof ConnectException) {
            return new SpiceIoException("could not connect: " + what, cause);
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SpiceIoException("request failed (" + detail + "): " + what, cause);
    }
}
