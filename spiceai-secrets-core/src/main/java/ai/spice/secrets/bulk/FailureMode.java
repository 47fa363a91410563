package ai.spice.secrets.bulk;

/**
 * What a bulk operation does after one of its secrets fails (after that secret's retries).
 *
 * @see BulkOptions.Builder#failureMode(FailureMode)
 */
public enum FailureMode {

    /** Go on with every other secret and report each failure by name. The default. */
    CONTINUE,

    /**
     * Start no further secret after the first failure. Operations already in flight are let finish and reported; the
     * secrets never started are reported as {@linkplain BulkResult#skipped() skipped}.
     */
    STOP_AT_FIRST_FAILURE
}
