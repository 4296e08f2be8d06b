package dev.kiln.platform.generation;

import dev.kiln.platform.generation.template.TemplateEngine;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The kinds of app the template engine knows, with a prompt for each: the studio's templates. */
@RestController
class StarterController {

  private final List<TemplateEngine.Starter> starters;

  StarterController(TemplateEngine engine) {
    this.starters = engine.starters();
  }

  @GetMapping("/api/v1/templates")
  List<TemplateEngine.Starter> templates() {
    return starters;
  }
}
