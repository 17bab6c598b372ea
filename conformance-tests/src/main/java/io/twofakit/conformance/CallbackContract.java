package io.twofakit.conformance;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;

/**
 * The body of a webhook event as the contract describes it: the request body of the callback
 * {@code otpEvent} of "Create Callback Configuration" (a {@code DeliveryStatus} or a
 * {@code DeliveryStatusWithError}). Loaded once per JVM.
 */
public final class CallbackContract {

    private static final String CALLBACKS_PATH = "/2fa/v4/configurations/callbacks";
    private static volatile CallbackContract instance;

    private final SchemaValidator validator;
    private final Schema<?> eventSchema;

    private CallbackContract(OpenAPI api) {
        Callback callback = api.getPaths().get(CALLBACKS_PATH).getPost().getCallbacks().get("otpEvent");
        this.eventSchema = callback.values().iterator().next().getPost().getRequestBody().getContent()
                .get("application/json").getSchema();
        this.validator = new SchemaValidator(api, new MessageResolver());
    }

    public static CallbackContract load() {
        CallbackContract contract = instance;
        if (contract == null) {
            synchronized (CallbackContract.class) {
                if (instance == null) {
                    ParseOptions options = new ParseOptions();
                    options.setResolve(true);
                    OpenAPI api = new OpenAPIParser().readContents(Contract.TYNTEC.text(), null, options).getOpenAPI();
                    instance = new CallbackContract(api);
                }
                contract = instance;
            }
        }
        return contract;
    }

    /** What is wrong with {@code body} as a webhook event; empty when it conforms. */
    public List<String> violations(String body) {
        ValidationReport report = validator.validate(body, eventSchema, "webhook.body");
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage)
                .toList();
    }
}
