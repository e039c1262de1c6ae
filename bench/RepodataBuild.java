import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessera.channels.domain.Repodata;
import org.tessera.channels.infrastructure.CondaIndexFiles;

/**
 * The repodata.json build of bench/repodata-build.sh: N generated package records (written to
 * OUT/records.jsonl for the Python reference), then RUNS times a full build (N records into a new
 * index, rendered and written as repodata.json and .zst under -Dtessera.home) and an
 * incremental one (one record added to the built index, written again). Prints one line per run:
 * "full MS incremental MS json MS zst MS bz2 MS": the last three are parts of one write, and bz2
 * is what a .json.bz2 would add (Tessera writes none).
 * Run as a single-file program with the ejb classes, commons-compress and zstd-jni on the class path.
 */
public class RepodataBuild {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    List<String[]> records = new ArrayList<>(n);
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String name = "pkg" + (i % 5000);
      String version = (i / 5000) + ".0." + (i % 7);
      String file = name + "-" + version + "-py311h" + Integer.toHexString(i) + "_0" + (i % 2 == 0 ? ".conda" : ".tar.bz2");
      String record = "{\"build\":\"py311h" + Integer.toHexString(i) + "_0\",\"build_number\":0,\"depends\":[\"libgcc-ng >=12\",\"numpy >=1.23,<2.0a0\","
          + "\"python >=3.11,<3.12.0a0\",\"python_abi 3.11.* *_cp311\"],\"license\":\"BSD-3-Clause\",\"license_family\":\"BSD\",\"md5\":\""
          + String.format("%032x", i) + "\",\"name\":\"" + name + "\",\"sha256\":\"" + String.format("%064x", i) + "\",\"size\":" + (100000 + i)
          + ",\"subdir\":\"linux-64\",\"timestamp\":1700000000000,\"version\":\"" + version + "\"}";
      records.add(new String[] {file, record});
      jsonl.append(file).append('\t').append(record).append('\n');
    }
    Files.writeString(out.resolve("records.tsv"), jsonl);
    for (int run = 0; run < runs + 1; run++) {
      long start = System.nanoTime();
      Repodata repodata = new Repodata("linux-64");
      records.forEach(r -> repodata.put(r[0], r[1]));
      CondaIndexFiles.write("bench", repodata);
      long full = System.nanoTime() - start;
      start = System.nanoTime();
      repodata.put("extra-1.0-0.conda", records.get(0)[1]);
      CondaIndexFiles.write("bench", repodata);
      long incremental = System.nanoTime() - start;
      start = System.nanoTime();
      byte[] json = repodata.render();
      long render = System.nanoTime() - start;
      start = System.nanoTime();
      try (var zst = new org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream(java.io.OutputStream.nullOutputStream(), 6)) {
        zst.write(json);
      }
      long zstd = System.nanoTime() - start;
      start = System.nanoTime();
      try (var bz2 = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(java.io.OutputStream.nullOutputStream())) {
        bz2.write(json);
      }
      long bzip2 = System.nanoTime() - start;
      // The first round warms the JIT and is not reported.
      if (run > 0) {
        System.out.printf("full %d incremental %d json %d zst %d bz2 %d bytes %d%n", full / 1_000_000, incremental / 1_000_000, render / 1_000_000,
            zstd / 1_000_000, bzip2 / 1_000_000, json.length);
      }
    }
  }
}
