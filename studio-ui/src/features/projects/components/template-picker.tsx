import { Button } from "@/components/ui/button";
import type { Template } from "../api/get-templates";

interface TemplatePickerProps {
  templates: Template[];
  selected: string | null;
  onPick: (template: Template) => void;
}

/** "Start from a template": one button per kind of app; picking one fills in its prompt. */
export function TemplatePicker({ templates, selected, onPick }: TemplatePickerProps) {
  if (templates.length === 0) return null;
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">Start from a template (optional)</legend>
      <div className="flex flex-wrap gap-2">
        {templates.map((template) => (
          <Button
            key={template.kind}
            type="button"
            size="sm"
            variant={template.kind === selected ? "secondary" : "outline"}
            aria-pressed={template.kind === selected}
            title={template.prompt}
            onClick={() => {
              onPick(template);
            }}
          >
            {template.label}
          </Button>
        ))}
      </div>
    </fieldset>
  );
}
