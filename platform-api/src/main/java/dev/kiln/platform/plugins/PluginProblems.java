package dev.kiln.platform.plugins;

import dev.kiln.platform.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The errors of the plugin API. */
final class PluginProblems {

  private PluginProblems() {}

  static final class PluginNotFound extends ApiProblem {
    PluginNotFound(String id) {
      super(
          HttpStatus.NOT_FOUND,
          "plugin-not-found",
          "Plugin not found",
          "No plugin with id '" + id + "' is installed (GET /api/v1/plugins lists them).");
    }
  }

  /** A jar that could not be loaded or was refused; the reason says what its author must fix. */
  static final class PluginRefused extends ApiProblem {
    private final String file;

    PluginRefused(String file, String reason) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-refused", "Plugin refused", reason);
      this.file = file;
    }

    @Override
    protected Map<String, Object> properties() {
      return Map.of("file", file);
    }
  }

  static final class NoPluginFiles extends ApiProblem {
    NoPluginFiles(String dir) {
      super(
          HttpStatus.NOT_FOUND,
          "plugin-file-not-found",
          "Plugin file not found",
          "The plugins directory " + dir + " holds no jar or zip for this plugin any more.");
    }
  }
}
