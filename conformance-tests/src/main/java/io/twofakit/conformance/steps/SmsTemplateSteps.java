package io.twofakit.conformance.steps;

import io.cucumber.java.en.When;
import io.twofakit.conformance.ScenarioState;
import java.util.UUID;

/** SMS templates: the messages that carry an OTP code by SMS. */
public class SmsTemplateSteps {

    private final ScenarioState state;

    public SmsTemplateSteps(ScenarioState state) {
        this.state = state;
    }

    @When("it lists the SMS templates")
    public void itListsTheSmsTemplates() {
        state.received(state.client().api().get("/2fa/v4/templates/sms"));
    }

    @When("it asks for an SMS template that does not exist")
    public void itAsksForAnSmsTemplateThatDoesNotExist() {
        state.received(state.client().api().get("/2fa/v4/templates/sms/{id}", UUID.randomUUID()));
    }
}
