package dev.kiln.platform.projects;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kiln.platform.runtime.RuntimeSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.springframework.stereotype.Component;

/**
 * Each project's files and history as a bare git repository under {@code KILN_HOME/repos}: one
 * commit is one version, on {@code refs/heads/main}. Commits are built in memory (no working tree)
 * and published by moving the branch from the head the caller saw, so two writers never both win.
 */
@Component
public class ProjectRepos {

  private static final String BRANCH = Constants.R_HEADS + "main";
  private static final PersonIdent KILN = new PersonIdent("Kiln", "kiln@kiln.dev");

  /** A version: a commit of the project's repository. */
  public record Version(
      String id, int number, String message, Instant at, String generationId, String parent) {}

  /**
   * One file change: the whole new content, or a unified diff against the base, or neither (the
   * file is deleted).
   *
   * @param path a relative '/'-separated path
   * @param content the whole new content; null with a null diff deletes the file
   * @param diff a unified diff ({@link UnifiedDiff}) from the base to the new content
   * @param baseSha SHA-256 hex of the content the change was computed from; null for a new file
   */
  public record Patch(String path, String content, String diff, String baseSha) {
    public Patch {
      if (content != null && diff != null) {
        throw new IllegalArgumentException(path + ": a patch has a content or a diff, not both");
      }
      if (diff != null && baseSha == null) {
        throw new IllegalArgumentException(path + ": a diff needs the sha of its base");
      }
    }

    /** The whole new content (null deletes the file). */
    public Patch(String path, String content, String baseSha) {
      this(path, content, null, baseSha);
    }

    /** A unified diff against the file whose content hashes to {@code baseSha}. */
    public static Patch diff(String path, String diff, String baseSha) {
      return new Patch(path, null, diff, baseSha);
    }

    /** Whether the patch deletes the file. */
    public boolean deletes() {
      return content == null && diff == null;
    }
  }

  /** A file of a version. */
  public record FileEntry(String path, long size, String sha) {}

  /** One changed file between two versions, with its unified diff. */
  public record Change(String path, String change, String diff) {}

  /** The branch moved since the caller read it, or a patch's base is not what is stored. */
  public static final class Conflict extends RuntimeException {
    public Conflict(String message) {
      super(message);
    }
  }

  private final Path root;

  ProjectRepos(RuntimeSettings runtime) {
    this.root = runtime.home().resolve("repos").toAbsolutePath();
  }

  /** Creates the project's empty repository; idempotent. */
  public void create(UUID project) {
    try (Repository repo = open(project)) {
      if (!repo.getObjectDatabase().exists()) {
        repo.create(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the repository of " + project, e);
    }
  }

  public void delete(UUID project) {
    Path dir = dir(project);
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not delete the repository of " + project, e);
      }
    }
  }

  /** The current head, or null before the first version. */
  public String head(UUID project) {
    try (Repository repo = open(project)) {
      ObjectId id = repo.resolve(BRANCH);
      return id == null ? null : id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits {@code patches} on top of {@code expectedHead} (null: the first version) and moves the
   * branch there, or throws {@link Conflict}: the head moved, or a patch's base sha differs.
   */
  public Version commit(
      UUID project,
      String expectedHead,
      List<Patch> patches,
      String message,
      Map<String, String> trailers) {
    try (Repository repo = open(project);
        ObjectInserter inserter = repo.newObjectInserter();
        ObjectReader reader = repo.newObjectReader()) {
      ObjectId head = repo.resolve(BRANCH);
      if (!java.util.Objects.equals(head == null ? null : head.name(), expectedHead)) {
        throw new Conflict("the project changed since this job began (head " + shortId(head) + ")");
      }
      SortedMap<String, ObjectId> tree = head == null ? new TreeMap<>() : blobs(repo, head);
      for (Patch patch : patches) {
        ObjectId current = tree.get(patch.path());
        String currentSha = current == null ? null : sha256(reader.open(current).getBytes());
        if (!java.util.Objects.equals(currentSha, patch.baseSha())) {
          throw new Conflict(
              patch.path() + " is not what the change was computed from (base sha differs)");
        }
        if (patch.deletes()) {
          tree.remove(patch.path());
        } else {
          String content =
              patch.diff() == null
                  ? patch.content()
                  : applied(patch, new String(reader.open(current).getBytes(), UTF_8));
          tree.put(patch.path(), inserter.insert(Constants.OBJ_BLOB, content.getBytes(UTF_8)));
        }
      }
      return write(repo, inserter, head, tree, message, trailers);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not commit to the repository of " + project, e);
    }
  }

  private static String applied(Patch patch, String base) {
    try {
      return UnifiedDiff.apply(base, patch.diff());
    } catch (UnifiedDiff.Mismatch e) {
      throw new Conflict(patch.path() + ": the diff does not apply (" + e.getMessage() + ")");
    }
  }

  /** A new version whose files are those of {@code version}. */
  public Version restore(UUID project, String version, String expectedHead) {
    try (Repository repo = open(project);
        ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId head = repo.resolve(BRANCH);
      if (!java.util.Objects.equals(head == null ? null : head.name(), expectedHead)) {
        throw new Conflict("the project changed since this job began");
      }
      RevCommit target = commit(repo, version);
      int number = number(repo, target);
      return write(
          repo,
          inserter,
          head,
          blobs(repo, target),
          "Restore version " + number,
          Map.of("Kiln-Restored-From", target.name()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Versions, newest first. */
  public List<Version> versions(UUID project) {
    try (Repository repo = open(project);
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(BRANCH);
      if (head == null) {
        return List.of();
      }
      walk.markStart(walk.parseCommit(head));
      List<RevCommit> commits = new ArrayList<>();
      walk.forEach(commits::add);
      List<Version> versions = new ArrayList<>();
      for (int i = 0; i < commits.size(); i++) {
        versions.add(version(commits.get(i), commits.size() - i));
      }
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Version> version(UUID project, String id) {
    return versions(project).stream()
        .filter(v -> v.id().equals(id) || (id.length() >= 7 && v.id().startsWith(id)))
        .findFirst();
  }

  /** Every file of a version with its content. */
  public SortedMap<String, String> files(UUID project, String version) {
    try (Repository repo = open(project);
        ObjectReader reader = repo.newObjectReader()) {
      SortedMap<String, String> files = new TreeMap<>();
      for (var e : blobs(repo, commit(repo, version)).entrySet()) {
        files.put(
            e.getKey(), new String(reader.open(e.getValue()).getBytes(), StandardCharsets.UTF_8));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<FileEntry> list(UUID project, String version) {
    List<FileEntry> entries = new ArrayList<>();
    files(project, version)
        .forEach(
            (path, content) -> {
              byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
              entries.add(new FileEntry(path, bytes.length, sha256(bytes)));
            });
    return entries;
  }

  public Optional<String> file(UUID project, String version, String path) {
    return Optional.ofNullable(files(project, version).get(path));
  }

  /** What changed from {@code from} to {@code to}, file by file with unified diffs. */
  public List<Change> diff(UUID project, String from, String to) {
    try (Repository repo = open(project);
        ObjectReader reader = repo.newObjectReader()) {
      RevCommit a = commit(repo, from);
      RevCommit b = commit(repo, to);
      List<Change> changes = new ArrayList<>();
      try (DiffFormatter scan = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
        scan.setRepository(repo);
        for (DiffEntry entry : scan.scan(a.getTree(), b.getTree())) {
          ByteArrayOutputStream text = new ByteArrayOutputStream();
          try (DiffFormatter format = new DiffFormatter(text)) {
            format.setRepository(repo);
            format.format(entry);
          }
          String path =
              entry.getChangeType() == DiffEntry.ChangeType.DELETE
                  ? entry.getOldPath()
                  : entry.getNewPath();
          changes.add(
              new Change(
                  path,
                  entry.getChangeType().name().toLowerCase(java.util.Locale.ROOT),
                  text.toString(StandardCharsets.UTF_8)));
        }
      }
      return changes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Version write(
      Repository repo,
      ObjectInserter inserter,
      ObjectId head,
      SortedMap<String, ObjectId> tree,
      String message,
      Map<String, String> trailers)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    tree.forEach(
        (path, blob) -> {
          DirCacheEntry entry = new DirCacheEntry(path);
          entry.setFileMode(FileMode.REGULAR_FILE);
          entry.setObjectId(blob);
          builder.add(entry);
        });
    builder.finish();
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(index.writeTree(inserter));
    if (head != null) {
      commit.setParentId(head);
    }
    PersonIdent now = new PersonIdent(KILN, Instant.now());
    commit.setAuthor(now);
    commit.setCommitter(now);
    StringBuilder text = new StringBuilder(message).append("\n");
    if (!trailers.isEmpty()) {
      text.append("\n");
      new TreeMap<>(trailers).forEach((k, v) -> text.append(k).append(": ").append(v).append("\n"));
    }
    commit.setMessage(text.toString());
    ObjectId id = inserter.insert(commit);
    inserter.flush();
    RefUpdate update = repo.updateRef(BRANCH);
    update.setNewObjectId(id);
    update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
    update.setRefLogMessage("kiln: " + message, false);
    RefUpdate.Result result = update.update();
    if (result != RefUpdate.Result.NEW
        && result != RefUpdate.Result.FAST_FORWARD
        && result != RefUpdate.Result.FORCED) {
      throw new Conflict("the project changed while this version was written (" + result + ")");
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit written = walk.parseCommit(id);
      return version(written, number(repo, written));
    }
  }

  private static int number(Repository repo, RevCommit commit) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(commit));
      int n = 0;
      for (RevCommit ignored : walk) {
        n++;
      }
      return n;
    }
  }

  /** A trailer ({@code Key: value} at the end of the message) of a version's commit, if any. */
  public Optional<String> trailer(UUID project, String version, String key) {
    try (Repository repo = open(project)) {
      return Optional.ofNullable(trailer(commit(repo, version).getFullMessage(), key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Version version(RevCommit c, int number) {
    String generation = trailer(c.getFullMessage(), "Kiln-Generation");
    return new Version(
        c.name(),
        number,
        c.getShortMessage(),
        c.getCommitterIdent().getWhenAsInstant(),
        generation,
        c.getParentCount() == 0 ? null : c.getParent(0).name());
  }

  private static String trailer(String message, String key) {
    for (String line : message.split("\n")) {
      if (line.startsWith(key + ": ")) {
        return line.substring(key.length() + 2).strip();
      }
    }
    return null;
  }

  private RevCommit commit(Repository repo, String version) throws IOException {
    if (version == null || !version.matches("[0-9a-f]{7,40}")) {
      throw new VersionNotFound();
    }
    ObjectId id = repo.resolve(version + "^{commit}");
    if (id == null) {
      throw new VersionNotFound();
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(id);
      ObjectId head = repo.resolve(BRANCH);
      if (head == null || !walk.isMergedInto(commit, walk.parseCommit(head))) {
        throw new VersionNotFound();
      }
      return commit;
    } catch (org.eclipse.jgit.errors.MissingObjectException
        | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      throw new VersionNotFound();
    }
  }

  private static SortedMap<String, ObjectId> blobs(Repository repo, ObjectId commit)
      throws IOException {
    SortedMap<String, ObjectId> blobs = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        blobs.put(tree.getPathString(), tree.getObjectId(0));
      }
    }
    return blobs;
  }

  private Repository open(UUID project) throws IOException {
    return new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
        .setGitDir(dir(project).toFile())
        .setBare()
        .build();
  }

  private Path dir(UUID project) {
    return root.resolve(project + ".git");
  }

  private static String shortId(ObjectId id) {
    return id == null ? "none" : id.name().substring(0, 7);
  }

  /** SHA-256 hex, the same as the plugin SDK's {@code ProjectFile.sha}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** No such version in this project. */
  public static final class VersionNotFound extends dev.kiln.platform.web.ApiProblem {
    VersionNotFound() {
      super(
          org.springframework.http.HttpStatus.NOT_FOUND,
          "version-not-found",
          "Version not found",
          "This project has no version with this id.");
    }
  }
}
