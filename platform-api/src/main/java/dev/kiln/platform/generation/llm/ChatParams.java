package dev.kiln.platform.generation.llm;

import com.openai.core.JsonObject;
import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is sent for a {@link ChatCompletions.Request}: the messages redacted, the temperature, the
 * output format ({@code json_schema}, strict, or {@code json_object}) and, when streaming, {@code
 * stream_options.include_usage} so that the last chunk carries the usage to meter.
 */
final class ChatParams {

  private ChatParams() {}

  static ChatCompletionCreateParams of(
      String model, ChatCompletions.Request request, JsonMapper json) {
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder().model(model).temperature(request.temperature());
    for (Message m : request.messages()) {
      Message out = m.redacted();
      switch (out.role()) {
        case SYSTEM -> params.addSystemMessage(out.content());
        case USER -> params.addUserMessage(out.content());
        case ASSISTANT -> params.addAssistantMessage(out.content());
      }
    }
    if (request.jsonObjectOnly()) {
      params.responseFormat(ResponseFormatJsonObject.builder().build());
    } else {
      params.responseFormat(
          ResponseFormatJsonSchema.builder()
              .jsonSchema(
                  ResponseFormatJsonSchema.JsonSchema.builder()
                      .name(request.schemaName())
                      .schema(schema(request.schema(), json))
                      .strict(true)
                      .build())
              .build());
    }
    if (request.stream()) {
      params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }
    return params.build();
  }

  /** Our schema (a Jackson 3 tree) as the SDK's JSON value (Jackson 2 based), unchanged. */
  private static ResponseFormatJsonSchema.JsonSchema.Schema schema(
      JsonNode schema, JsonMapper json) {
    JsonObject fields = (JsonObject) JsonValue.from(json.treeToValue(schema, Map.class));
    return ResponseFormatJsonSchema.JsonSchema.Schema.builder()
        .putAllAdditionalProperties(fields.values())
        .build();
  }
}
