package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.ProjectFile;
import dev.kiln.plugin.api.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The text files of a folder, read once, as the host presents a project: no {@code node_modules},
 * no {@code .git}, no symbolic links, no files that are not valid UTF-8.
 */
final class FolderProjectFiles implements ProjectFiles {

  static final Set<String> NOT_PROJECT_FILES = Set.of("node_modules", ".git");

  private final Map<String, ProjectFile> files;

  private FolderProjectFiles(Map<String, ProjectFile> files) {
    this.files = files;
  }

  static FolderProjectFiles read(Path folder) {
    Map<String, ProjectFile> files = new TreeMap<>();
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(folder) && NOT_PROJECT_FILES.contains(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (attrs.isRegularFile()) {
                String path = relative(folder, file);
                decode(Files.readAllBytes(file))
                    .ifPresent(c -> files.put(path, ProjectFile.of(path, c)));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the project folder " + folder, e);
    }
    return new FolderProjectFiles(files);
  }

  static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static Optional<String> decode(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException binary) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  @Override
  public Optional<ProjectFile> get(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
