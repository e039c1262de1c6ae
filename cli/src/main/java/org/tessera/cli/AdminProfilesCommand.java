package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera admin profiles}: the resource profiles sessions and deployments run with. */
@Command(name = "profiles",
        description = "List, add or change, and delete resource profiles.",
        subcommands = {AdminProfilesCommand.ListProfiles.class, AdminProfilesCommand.Set.class, AdminProfilesCommand.Delete.class})
final class AdminProfilesCommand {

    static final String LIST = "/api/v1/resource-profiles";
    static final String ADMIN = "/api/v1/admin/resource-profiles/";

    @ParentCommand
    AdminCommand admin;

    TesseraApiClient api() {
        return admin.root.api();
    }

    PrintWriter out() {
        return admin.root.out();
    }

    @Command(name = "list", description = "List every profile, hidden ones included.")
    static final class ListProfiles implements Callable<Integer> {
        @ParentCommand
        AdminProfilesCommand profiles;

        @Override
        public Integer call() {
            TesseraApiClient api = profiles.api();
            PrintWriter out = profiles.out();
            out.printf("%-20s  %-6s  %-8s  %-4s  %-7s  %-7s  %s%n", "NAME", "CPU", "MEMORY", "GPUS", "VISIBLE", "DEFAULT", "NODE SELECTOR");
            for (JsonNode p : api.read(api.get(LIST), JsonNode.class, LIST)) {
                out.printf("%-20s  %-6s  %-8s  %-4s  %-7s  %-7s  %s%n", p.path("name").asText(), p.path("cpu").asText(), p.path("memory").asText(), p.path("gpus").asText(),
                        p.path("userVisible").asBoolean() ? "yes" : "no", p.path("isDefault").asBoolean() ? "yes" : "", p.path("nodeSelector").toString());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = "Create or replace a profile.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        AdminProfilesCommand profiles;

        @Parameters(paramLabel = "NAME", description = "Lowercase letters, digits and dashes, e.g. gpu-profile.")
        String name;

        @Option(names = "--cpu", required = true, paramLabel = "QUANTITY", description = "e.g. 2 or 500m")
        String cpu;

        @Option(names = "--memory", required = true, paramLabel = "QUANTITY", description = "e.g. 8Gi")
        String memory;

        @Option(names = "--gpus", defaultValue = "0", paramLabel = "N")
        int gpus;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--hidden", description = "Not offered to users.")
        boolean hidden;

        @Option(names = "--default", description = "Make it the default profile.")
        boolean isDefault;

        @Option(names = "--node-selector", paramLabel = "KEY=VALUE")
        Map<String, String> nodeSelector;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("description", description);
            body.put("userVisible", !hidden);
            body.put("isDefault", isDefault);
            body.put("cpu", cpu);
            body.put("memory", memory);
            body.put("gpus", gpus);
            body.put("nodeSelector", nodeSelector == null ? Map.of() : nodeSelector);
            profiles.api().put(ADMIN + name, body);
            profiles.out().println("Saved profile " + name + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a profile that nothing running uses.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        AdminProfilesCommand profiles;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            profiles.api().delete(ADMIN + name);
            profiles.out().println("Deleted profile " + name + ".");
            return ExitCode.OK;
        }
    }
}
