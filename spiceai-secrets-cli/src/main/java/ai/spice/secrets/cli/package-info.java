/**
 * {@code spice-secrets}, the command line of the Spice.ai Secrets SDK: {@link ai.spice.secrets.cli.Main} is its entry
 * point and its only public type. The commands, options, exit codes and {@code --json} documents are described by
 * {@code spice-secrets --help} and in the README; they are the CLI's contract, not this package's Java API.
 */
package ai.spice.secrets.cli;
