import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;

/**
 * The directory of bench/ldap-sync.sh: an UnboundID in-memory server on 127.0.0.1:PORT with the
 * entries of LDIF, bound as "cn=Directory Manager" / PASSWORD. Prints "ready" and serves until
 * killed. Run as a single-file program: java -cp unboundid-ldapsdk.jar LdapServer.java PORT LDIF
 * PASSWORD [INDEXES], INDEXES being attributes to index for equality, comma-separated (as OpenLDAP's
 * "index member,uid eq"); without them every search scans all entries.
 */
public class LdapServer {
  public static void main(String[] args) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
    config.addAdditionalBindCredentials("cn=Directory Manager", args[2]);
    if (args.length > 3 && !args[3].isBlank()) {
      config.setEqualityIndexAttributes(args[3].split(","));
    }
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[0]), null));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    // The LDIF carries fixed entryUUIDs: without them UnboundID makes new ones at every start.
    int entries = server.importFromLDIF(true, args[1]);
    server.startListening();
    System.out.println("ready: " + entries + " entries on 127.0.0.1:" + server.getListenPort());
    Thread.currentThread().join();
  }
}
