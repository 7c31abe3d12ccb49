package logitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o} and {@code --output-dir} for every kind of target: a regular file and a new one are
 * replaced completely or not at all; a symbolic link (relative, absolute, dangling, a chain) keeps
 * being a link and its final target is replaced; a named pipe and a character device are written
 * into and stay what they were; {@code -} and {@code /dev/stdout} are the command's stdout; an input
 * file is never a target, under any name.
 *
 * <p>Safety: no test writes to a device of the machine. {@code /dev/null} itself is only looked at
 * ({@link Output#plan} reads, never writes: stat and readlink); the character-device tests write
 * to a copy of it made with mknod in a temporary directory (root only; skipped otherwise), so that
 * a wrong implementation could only replace that copy.
 */
class OutputKindsTest {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;

  @TempDir Path tmp;

  /** compare's text output for data/exam.csv, as stdout has it. */
  private static String examText;

  @BeforeAll
  static void expected() {
    CliRunner r = CliRunner.run("compare", "data/exam.csv");
    assertEquals(0, r.code(), r.err());
    examText = r.out();
  }

  private static CliRunner compareTo(Path target) {
    return CliRunner.run("compare", "data/exam.csv", "-o", target.toString());
  }

  // ---- the plan: what writing to a path means (reads only) ----------------------------------

  @Test
  void devNullIsWrittenThroughNeverReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    assertEquals(S_IFCHR, mode(devNull) & S_IFMT, "/dev/null is a character device before");
    Output.Plan plan = Output.plan(devNull); // stat only
    assertEquals(Output.Kind.THROUGH, plan.kind());
    assertFalse(plan.replaces());
    assertEquals(S_IFCHR, mode(devNull) & S_IFMT, "and after");
  }

  @Test
  @SuppressWarnings("try") // the open channel or stream is the point, not used in the body
  void planOfEachKind() throws IOException {
    assertEquals(Output.Kind.STDOUT, Output.plan(Path.of("-")).kind());
    assertEquals(Output.Kind.STDOUT, Output.plan(Path.of("/dev/stdout")).kind());
    assertEquals(Output.Kind.STDOUT, Output.plan(Path.of("/dev/fd/1")).kind());
    Path file = Files.writeString(tmp.resolve("f.txt"), "x");
    assertEquals(new Output.Plan(file, Output.Kind.REPLACE, file.toAbsolutePath()), Output.plan(file));
    Path fresh = tmp.resolve("new.txt");
    assertEquals(Output.Kind.REPLACE, Output.plan(fresh).kind());
    assertEquals(fresh, Output.plan(fresh).path());
    Path rel = Files.createSymbolicLink(tmp.resolve("rel"), Path.of("f.txt"));
    assertEquals(tmp.resolve("f.txt"), Output.plan(rel).path().normalize());
    Path chain = Files.createSymbolicLink(tmp.resolve("chain"), rel.toAbsolutePath());
    assertEquals(tmp.resolve("f.txt"), Output.plan(chain).path().normalize());
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), Path.of("not-yet.txt"));
    assertEquals(tmp.resolve("not-yet.txt"), Output.plan(dangling).path().normalize());
    // a descriptor of a regular file is written through (appended to), never replaced
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Path fd = descriptorOf(file);
      assumeTrue(fd != null, "no /proc/self/fd");
      assertEquals(Output.Kind.THROUGH, Output.plan(fd).kind());
    }
  }

  @Test
  void refusedTargets() throws IOException {
    UsageException dir = assertThrows(UsageException.class, () -> Output.plan(tmp));
    assertTrue(dir.getMessage().contains("is a directory"), dir.getMessage());
    Path missingDir = Files.createSymbolicLink(tmp.resolve("d"), Path.of("no/such/dir/x.txt"));
    UsageException m = assertThrows(UsageException.class, () -> Output.plan(missingDir));
    assertTrue(m.getMessage().contains("it links to") && m.getMessage().contains("does not exist"), m.getMessage());
    Files.createSymbolicLink(tmp.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(tmp.resolve("b"), Path.of("a"));
    UsageException loop = assertThrows(UsageException.class, () -> Output.plan(tmp.resolve("a")));
    assertTrue(loop.getMessage().contains("symbolic links (a loop?)"), loop.getMessage());
  }

  // ---- compare -o, each kind, end to end --------------------------------------------------------

  @Test
  void regularFileIsReplacedAndKeepsItsPermissions() throws IOException {
    Path out = Files.writeString(tmp.resolve("out.txt"), "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
    CliRunner r = compareTo(out);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(examText, Files.readString(out));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertOnly(tmp, "out.txt");
    Path fresh = tmp.resolve("fresh.txt");
    assertEquals(0, compareTo(fresh).code());
    assertEquals(examText, Files.readString(fresh));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
  }

  @Test
  void linksStayLinksAndTheirTargetIsReplaced() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("real"));
    Path target = Files.writeString(dir.resolve("result.txt"), "old");
    Path relative = Files.createSymbolicLink(tmp.resolve("rel.txt"), Path.of("real/result.txt"));
    Path absolute = Files.createSymbolicLink(tmp.resolve("abs.txt"), target.toAbsolutePath());
    Path chain = Files.createSymbolicLink(tmp.resolve("chain.txt"), Path.of("rel.txt"));
    for (Path link : List.of(relative, absolute, chain)) {
      Files.writeString(target, "old");
      CliRunner r = compareTo(link);
      assertEquals(0, r.code(), link + ": " + r.err());
      assertTrue(Files.isSymbolicLink(link), link + " is still a link");
      assertEquals(examText, Files.readString(target), "the target of " + link);
    }
    assertTrue(Files.isSymbolicLink(relative) && Files.readSymbolicLink(relative).equals(Path.of("real/result.txt")));
    assertOnly(dir, "result.txt");

    // a dangling link: its target is created (its directory exists), the link stays
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.txt"), Path.of("real/later.txt"));
    assertEquals(0, compareTo(dangling).code());
    assertTrue(Files.isSymbolicLink(dangling));
    assertEquals(examText, Files.readString(dir.resolve("later.txt")));
    // a dangling link into a directory that does not exist: refused before any work
    Path nowhere = Files.createSymbolicLink(tmp.resolve("nowhere.txt"), Path.of("missing/x.txt"));
    CliRunner r = compareTo(nowhere);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("does not exist"), r.err());
    assertFalse(Files.exists(tmp.resolve("missing")));
  }

  @Test
  void aFifoIsWrittenIntoAndStaysAFifo() throws Exception {
    Path fifo = mkfifo("pipe");
    CompletableFuture<byte[]> read = reader(fifo);
    CliRunner r = compareTo(fifo);
    assertEquals(0, r.code(), r.err());
    assertEquals(S_IFIFO, mode(fifo) & S_IFMT, "still a named pipe");
    assertEquals(examText, new String(read.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("try") // the open channel or stream is the point, not used in the body
  void aFailedRunWritesNothingIntoAFifo() throws Exception {
    Path fifo = mkfifo("pipe");
    CompletableFuture<byte[]> read = reader(fifo);
    Path bad = Files.writeString(tmp.resolve("bad.csv"), "x,y\n1,0\nabc,1\n2,1\n");
    CliRunner r = CliRunner.run("compare", bad.toString(), "-o", fifo.toString());
    assertEquals(3, r.code());
    assertEquals(S_IFIFO, mode(fifo) & S_IFMT);
    try (OutputStream unblock = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
      // opening the writing end lets the reader open and see end of file
    }
    assertEquals(0, read.get(60, TimeUnit.SECONDS).length, "bytes from a failed run");
  }

  @Test
  void aCharacterDeviceIsWrittenIntoAndStaysADevice() throws Exception {
    Path dev = mknodNull("null-copy");
    for (String[] args : List.of(
        new String[] {"compare", "data/exam.csv", "-o", dev.toString()},
        new String[] {"compare", "data/exam.csv", "-o", dev.toString(), "--format", "json"},
        new String[] {"report", "data/exam.csv", "-o", dev.toString(), "--format", "html"},
        new String[] {"predict", "--train", "data/exam.csv", "--input", "data/exam.csv", "-o", dev.toString()})) {
      CliRunner r = CliRunner.run(args);
      assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(S_IFCHR, mode(dev) & S_IFMT, "still a character device after " + String.join(" ", args));
    }
    // a link to the device: followed, the device written into, the link kept
    Path link = Files.createSymbolicLink(tmp.resolve("to-null"), dev.getFileName());
    assertEquals(0, compareTo(link).code());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(S_IFCHR, mode(dev) & S_IFMT);
    assertOnly(tmp, "null-copy", "to-null");
  }

  @Test
  void dashAndDevStdoutAreStdout() {
    CliRunner dash = CliRunner.run("compare", "data/exam.csv", "-o", "-");
    assertEquals(0, dash.code(), dash.err());
    assertEquals(examText, dash.out());
    CliRunner dev = CliRunner.run("compare", "data/exam.csv", "-o", "/dev/stdout");
    assertEquals(examText, dev.out());
    assertFalse(Files.exists(Path.of("-")), "a file named -");
  }

  @Test
  @SuppressWarnings("try") // the open channel or stream is the point, not used in the body
  void theInputIsNeverATargetUnderAnyName() throws IOException {
    Path input = Files.copy(Path.of("data/exam.csv"), tmp.resolve("in.csv"));
    byte[] before = Files.readAllBytes(input);
    Path link = Files.createSymbolicLink(tmp.resolve("link"), Path.of("in.csv"));
    Path chain = Files.createSymbolicLink(tmp.resolve("chain"), link.toAbsolutePath());
    for (Path target : List.of(input, link, chain, tmp.resolve("./in.csv"))) {
      CliRunner r = CliRunner.run("compare", input.toString(), "-o", target.toString());
      assertEquals(2, r.code(), target.toString());
      assertTrue(r.err().contains("is the input file"), r.err());
    }
    try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
      Path fd = descriptorOf(input);
      assumeTrue(fd != null, "no /proc/self/fd");
      CliRunner r = CliRunner.run("compare", input.toString(), "-o", fd.toString());
      assertEquals(2, r.code(), fd + ": " + r.err());
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(input));
  }

  // ---- predict, report, --output-dir -----------------------------------------------------------

  @Test
  void predictWritesThroughLinksPipesAndStdout() throws Exception {
    CliRunner plain = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", "data/smoking.csv");
    assertEquals(0, plain.code(), plain.err());
    CliRunner dash = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", "data/smoking.csv", "-o", "-");
    assertEquals(plain.out(), dash.out(), "-o - is stdout, with no summary line in the CSV");
    Path target = Files.writeString(tmp.resolve("scores.csv"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("latest.csv"), target.getFileName());
    CliRunner viaLink = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", "data/smoking.csv", "-o",
        link.toString());
    assertEquals(0, viaLink.code(), viaLink.err());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(plain.out(), Files.readString(target));
    Path fifo = mkfifo("pipe");
    CompletableFuture<byte[]> read = reader(fifo);
    CliRunner viaFifo = CliRunner.run("predict", "--train", "data/smoking.csv", "--input", "data/smoking.csv", "-o",
        fifo.toString());
    assertEquals(0, viaFifo.code(), viaFifo.err());
    assertEquals(S_IFIFO, mode(fifo) & S_IFMT);
    assertEquals(plain.out(), new String(read.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    // an input that breaks off half-way: nothing at all on stdout (the output is made complete first)
    StringBuilder sb = new StringBuilder("cigs,age\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(i % 40).append(',').append(30 + i % 30).append('\n');
    }
    sb.append("\"3,4\n");
    Path bad = Files.writeString(tmp.resolve("bad.csv"), sb.toString());
    for (String o : new String[] {"-", null}) {
      CliRunner b = o == null
          ? CliRunner.run("predict", "--train", "data/smoking.csv", "--input", bad.toString())
          : CliRunner.run("predict", "--train", "data/smoking.csv", "--input", bad.toString(), "-o", o);
      assertEquals(3, b.code(), b.err());
      assertEquals("", b.out(), "half the predictions on stdout");
    }
  }

  @Test
  void reportFollowsLinksAndGoesToStdoutAsHtml() throws Exception {
    Path target = Files.writeString(tmp.resolve("report-real.html"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("report.html"), target.getFileName());
    CliRunner r = CliRunner.run("report", "data/exam.csv", "-o", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(target).startsWith("<!DOCTYPE html>"));
    CliRunner dash = CliRunner.run("report", "data/exam.csv", "-o", "-", "--format", "html");
    assertEquals(0, dash.code(), dash.err());
    assertTrue(dash.out().startsWith("<!DOCTYPE html>") && dash.out().endsWith("</html>\n"), dash.out());
    for (String[] args : List.of(new String[] {"report", "data/exam.csv", "-o", "-", "--format", "markdown"},
        new String[] {"report", "data/exam.csv", "-o", mkfifo("pipe").toString(), "--format", "markdown"})) {
      CliRunner md = CliRunner.run(args);
      assertEquals(2, md.code());
      assertTrue(md.err().contains("a Markdown report writes its plots as PNG files beside it"), md.err());
    }
    CliRunner noFormat = CliRunner.run("report", "data/exam.csv", "-o", "-");
    assertEquals(2, noFormat.code());
    assertTrue(noFormat.err().contains("--format html"), noFormat.err());
  }

  @Test
  void outputDirWritesThroughLinksAndPipes() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("data/exam.csv"), in.resolve("exam.csv"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path kept = Files.writeString(elsewhere.resolve("exam.txt"), "old");
    Path link = Files.createSymbolicLink(out.resolve("exam.txt"), Path.of("../elsewhere/exam.txt"));
    Path summary = mkfifo("out/summary.csv");
    CliRunner refused = CliRunner.run("compare", in.toString(), "--output-dir", out.toString());
    assertEquals(2, refused.code(), "existing outputs need --force");
    CompletableFuture<byte[]> read = reader(summary);
    CliRunner r = CliRunner.run("compare", in.toString(), "--output-dir", out.toString(), "--force");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(CliRunner.run("compare", in.resolve("exam.csv").toString()).out(), Files.readString(kept));
    assertEquals(S_IFIFO, mode(summary) & S_IFMT, "summary.csv is still a pipe");
    String s = new String(read.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    assertTrue(s.startsWith("file,status,") && s.contains(",ok,0,"), s);
    assertOnly(out, "exam.txt", "summary.csv");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static int mode(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  private Path mkfifo(String name) throws IOException, InterruptedException {
    Path p = tmp.resolve(name);
    Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    assumeTrue(proc.waitFor() == 0, "mkfifo is needed");
    return p;
  }

  /** A copy of /dev/null (character device 1, 3) in the temporary directory; root only. */
  private Path mknodNull(String name) throws IOException, InterruptedException {
    Path p = tmp.resolve(name);
    Process proc = new ProcessBuilder("mknod", p.toString(), "c", "1", "3").redirectErrorStream(true).start();
    assumeTrue(proc.waitFor() == 0, "mknod needs root");
    assertEquals(S_IFCHR, mode(p) & S_IFMT);
    return p;
  }

  /** Reads a named pipe to its end on a daemon thread (a wrong implementation cannot hang the run). */
  private static CompletableFuture<byte[]> reader(Path fifo) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        f.complete(in.readAllBytes());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "fifo-reader");
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** /proc/self/fd/N of a file this process has open, or null. */
  private static Path descriptorOf(Path file) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return null;
    }
    Path real = file.toRealPath();
    try (Stream<Path> s = Files.list(fds)) {
      for (Path fd : s.toList()) {
        try {
          if (Files.readSymbolicLink(fd).equals(real)) {
            return fd;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return null;
  }

  private static void assertOnly(Path dir, String... names) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> found = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(Stream.of(names).sorted().toList(), found, "files in " + dir + " (no temporary file left)");
    }
  }

  @Test
  void theRenameNeverReplacesWhatIsNotARegularFile() throws Exception {
    // the last guard, for a target that changed after the plan was made: a plan to replace a pipe
    Path fifo = mkfifo("pipe");
    Output.Plan stale = new Output.Plan(fifo, Output.Kind.REPLACE, fifo);
    OutputException e = assertThrows(OutputException.class, () -> BatchFiles.write(stale, BatchFiles.text("x"), null));
    assertTrue(e.getMessage().contains("is no longer a regular file; not replaced"), e.getMessage());
    assertEquals(S_IFIFO, mode(fifo) & S_IFMT);
    assertOnly(tmp, "pipe");
  }

  @Test
  void aReplacedFileIsANewFileRenamedIntoPlace() throws IOException {
    // readers of the old file keep it whole: the output is a new file renamed over the old name
    Path out = Files.writeString(tmp.resolve("out.txt"), "old");
    Object before = Files.getAttribute(out, "unix:ino");
    assertEquals(0, compareTo(out).code());
    assertNotEquals(before, Files.getAttribute(out, "unix:ino"));
  }
}
