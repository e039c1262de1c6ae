package org.tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tessera admin}: platform settings for administrators (role ae-admin). */
@Command(name = "admin",
        description = "Platform settings for administrators (role ae-admin).",
        subcommands = {AdminGitCommand.class})
final class AdminCommand {

    @ParentCommand
    TesseraCli root;
}
