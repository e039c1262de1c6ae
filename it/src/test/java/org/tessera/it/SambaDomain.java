package org.tessera.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Active Directory for the tests: a Samba AD domain controller from Debian, provisioned by
 * {@code samba-tool} into its own folder (its own {@code smb.conf}, databases, pid and log files)
 * and started as a child process listening on 127.0.0.1 only, with the LDAP server as its only
 * service. Samba cannot move LDAP off 389/636 (smb.conf has no such setting), so those ports must
 * be free; {@link #whyNot()} says when they, root or the packages are missing.
 *
 * <p>The TLS certificate is the harness's own, self-signed with {@code subjectAltName
 * IP:127.0.0.1} and written to {@code private/tls/{ca,cert,key}.pem} before the first start: the
 * one Samba would generate names only {@code DC1.tessera.test}, which Java's LDAPS host check
 * refuses for {@code ldaps://127.0.0.1}. {@link #close()} stops only the process this class
 * started, and the children it had.
 */
final class SambaDomain implements AutoCloseable {

  static final String REALM = "TESSERA.TEST";
  static final String BASE = "DC=tessera,DC=test";
  static final String ADMIN_DN = "CN=Administrator,CN=Users," + BASE;
  static final String ADMIN_PASSWORD = "Adm1n-Samba-Pa55";
  static final int LDAP_PORT = 389;
  static final int LDAPS_PORT = 636;
  /** What CI installs ({@code ./tessera test} does the same). */
  static final List<String> PACKAGES = List.of("samba", "samba-ad-dc", "samba-ad-provision");

  private final Path dir;
  private final Path conf;
  private Process samba;
  private List<ProcessHandle> children = List.of();

  private SambaDomain(Path dir) {
    this.dir = dir;
    this.conf = dir.resolve("etc/smb.conf");
  }

  /**
   * Why a Samba AD DC cannot run here, or empty when it can. Installs the Debian packages with
   * apt-get when they are missing and this runs as root.
   */
  static Optional<String> whyNot() {
    int uid;
    try {
      uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.of("cannot tell the user id (no /proc/self: " + e.getMessage() + "); Samba's AD DC needs Linux and root");
    }
    if (uid != 0) {
      return Optional.of("not running as root (uid " + uid + "): Samba's AD DC must run as root and listens on 389/636");
    }
    if (!installed()) {
      Result apt = exec(Duration.ofMinutes(6), List.of("DEBIAN_FRONTEND=noninteractive"),
          Stream.concat(Stream.of("apt-get", "install", "-y", "-qq"), PACKAGES.stream()).toArray(String[]::new));
      if (!installed()) {
        return Optional.of("the Debian packages " + String.join(" ", PACKAGES) + " are missing and apt-get could not install them (exit " + apt.exitCode() + "): "
            + tail(apt.output()));
      }
    }
    for (int port : new int[] {LDAP_PORT, LDAPS_PORT}) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      } catch (IOException e) {
        return Optional.of("port " + port + " on 127.0.0.1 is taken (" + e.getMessage() + "); Samba's LDAP server cannot use another port, so stop whatever listens there");
      }
    }
    return Optional.empty();
  }

  private static boolean installed() {
    return Files.isExecutable(Path.of("/usr/sbin/samba")) && Files.isExecutable(Path.of("/usr/bin/samba-tool"))
        && Files.isDirectory(Path.of("/usr/share/samba/setup"));
  }

  /**
   * A new domain {@code TESSERA.TEST} (NetBIOS {@code TESSERA}, DC {@code dc1}, RFC 2307 attributes,
   * no DNS server) in {@code dir}, which is emptied first; not started yet.
   *
   * @throws IllegalStateException with samba-tool's output when provisioning fails
   */
  static SambaDomain provision(Path dir) throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir.resolve("run"));
    Files.createDirectories(dir.resolve("log"));
    SambaDomain domain = new SambaDomain(dir);
    domain.tool(Duration.ofMinutes(3), false, "domain", "provision", "--targetdir=" + dir, "--realm=" + REALM, "--domain=TESSERA", "--server-role=dc",
        "--host-name=dc1", "--dns-backend=NONE", "--use-rfc2307", "--adminpass=" + ADMIN_PASSWORD,
        "--option=interfaces=lo", "--option=bind interfaces only=yes", "--option=server services=ldap", "--option=prefork children=1",
        "--option=pid directory=" + dir.resolve("run"), "--option=ncalrpc dir=" + dir.resolve("run/ncalrpc"),
        "--option=winbindd socket directory=" + dir.resolve("run/winbindd"), "--option=log file=" + dir.resolve("log/samba.log"));
    domain.writeCertificate();
    return domain;
  }

  /** Runs {@code samba-tool ARGS -s smb.conf} on the domain's databases; throws with its output when it fails. */
  String tool(String... args) {
    return tool(Duration.ofMinutes(1), true, args);
  }

  private String tool(Duration timeout, boolean withConf, String... args) {
    List<String> command = new ArrayList<>(List.of("samba-tool"));
    command.addAll(List.of(args));
    if (withConf) {
      command.add("-s");
      command.add(conf.toString());
    }
    Result result = exec(timeout, List.of(), command.toArray(String[]::new));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("samba-tool " + args[0] + " " + (args.length > 1 ? args[1] : "") + " failed (exit " + result.exitCode() + "): " + tail(result.output()));
    }
    return result.output();
  }

  /**
   * Starts {@code samba -i} and waits until an LDAPS bind as Administrator succeeds.
   *
   * @throws IllegalStateException with Samba's output when it exits or is not ready in time
   */
  void start(Duration timeout) throws IOException, InterruptedException {
    samba = new ProcessBuilder("/usr/sbin/samba", "-i", "-M", "prefork", "-s", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("log/samba.out").toFile())
        .start();
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastError = "";
    while (System.nanoTime() < deadline) {
      children = samba.descendants().toList();
      if (!samba.isAlive()) {
        throw new IllegalStateException("samba exited with " + samba.exitValue() + ": " + tail(Files.readString(dir.resolve("log/samba.out"))));
      }
      try (LDAPConnection ldap = new LDAPConnection(new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory(), "127.0.0.1", LDAPS_PORT)) {
        ldap.bind(ADMIN_DN, ADMIN_PASSWORD);
        children = samba.descendants().toList();
        return;
      } catch (Exception notYet) {
        lastError = notYet.getMessage();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Samba did not answer an LDAPS bind on 127.0.0.1:" + LDAPS_PORT + " within " + timeout.toSeconds() + " s (last: " + lastError + "): "
        + tail(Files.readString(dir.resolve("log/samba.out"))));
  }

  /** The CA certificate (PEM) that signs the LDAPS certificate: {@code private/tls/ca.pem}. */
  String caCertificatePem() throws IOException {
    return Files.readString(dir.resolve("private/tls/ca.pem"), StandardCharsets.US_ASCII);
  }

  /** The ldap:// URL of the domain controller, on which it binds only after StartTLS. */
  String ldapUrl() {
    return "ldap://127.0.0.1:" + LDAP_PORT;
  }

  /** The ldaps:// URL of the domain controller. */
  String ldapsUrl() {
    return "ldaps://127.0.0.1:" + LDAPS_PORT;
  }

  /** Stops the Samba this harness started (SIGTERM, then SIGKILL after 10 s), and its children. */
  @Override
  public void close() {
    if (samba == null) {
      return;
    }
    List<ProcessHandle> seen = new ArrayList<>(children);
    seen.addAll(samba.descendants().toList());
    samba.destroy();
    try {
      if (!samba.waitFor(10, TimeUnit.SECONDS)) {
        samba.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Samba's master stops its workers; any still there after 5 s were started by us, found by PID above.
    for (ProcessHandle worker : seen) {
      try {
        worker.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception stillThere) {
        worker.destroyForcibly();
      }
    }
    samba = null;
  }

  /** A self-signed CA certificate naming 127.0.0.1 and dc1.tessera.test, as Samba's CA, certificate and key. */
  private void writeCertificate() throws IOException {
    Path tls = dir.resolve("private/tls");
    Files.createDirectories(tls);
    Path keystore = dir.resolve("tls.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Result generated = exec(Duration.ofMinutes(1), List.of(), keytool.toString(), "-genkeypair", "-alias", "dc1", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=dc1.tessera.test, O=Tessera IT Samba CA", "-ext", "san=ip:127.0.0.1,dns:dc1.tessera.test", "-ext", "bc:c=ca:true", "-validity", "7",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "it-samba");
    if (generated.exitCode() != 0) {
      throw new IllegalStateException("keytool could not make Samba's certificate: " + generated.output());
    }
    try (var in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "it-samba".toCharArray());
      String certificate = pem("CERTIFICATE", store.getCertificate("dc1").getEncoded());
      Files.writeString(tls.resolve("ca.pem"), certificate, StandardCharsets.US_ASCII);
      Files.writeString(tls.resolve("cert.pem"), certificate, StandardCharsets.US_ASCII);
      Path key = tls.resolve("key.pem");
      Files.writeString(key, pem("PRIVATE KEY", store.getKey("dc1", "it-samba".toCharArray()).getEncoded()), StandardCharsets.US_ASCII);
      // Samba refuses a key file that others can read.
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the certificate keytool made: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  record Result(int exitCode, String output) {}

  /** Runs a command with {@code NAME=value} additions to its environment; exit 124 with what it printed when it overruns. */
  private static Result exec(Duration timeout, List<String> env, String... command) {
    try {
      Path log = Files.createTempFile("samba-", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        env.forEach(e -> builder.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          return new Result(124, Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      return new Result(127, command[0] + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(130, "interrupted");
    }
  }

  private static String tail(String output) {
    String text = output.strip();
    return text.length() <= 1500 ? text : "..." + text.substring(text.length() - 1500);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
