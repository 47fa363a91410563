package ai.spice.secrets.benchmarks;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A prototype, from outside the SDK, of the change proposed in docs/PERFORMANCE.md: a synchronous call sends its
 * first attempt with {@code HttpClient.send} on the caller's thread instead of {@code sendAsync(...).get()}. It is an
 * {@link HttpClient} handed to the SDK through the public {@code httpClient(...)} option: while a thread runs
 * {@link #call}, the SDK's next {@code sendAsync} on that thread is served by {@code send} and returns a completed
 * future, so the SDK's own code then runs inline, as a blocking client's would. Everything else is delegated.
 * Benchmark use only: it does not keep the SDK's promise that {@code close()} fails a call in flight at once.
 */
public final class SendOnCallerThread extends HttpClient {

    private static final ThreadLocal<Boolean> CALLER = new ThreadLocal<>();

    private final HttpClient delegate;

    public SendOnCallerThread(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** Runs a synchronous SDK call whose first request is sent on this thread. */
    public static <T> T call(Supplier<T> call) {
        CALLER.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            CALLER.remove();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        if (CALLER.get() == null) {
            return delegate.sendAsync(request, handler);
        }
        CALLER.remove();
        try {
            return CompletableFuture.completedFuture(delegate.send(request, handler));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return push == null ? sendAsync(request, handler) : delegate.sendAsync(request, handler, push);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate.send(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
