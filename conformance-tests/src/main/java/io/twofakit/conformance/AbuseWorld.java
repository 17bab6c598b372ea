package io.twofakit.conformance;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario of abuse has tried and what the server answered: the outcomes of many validations, the
 * answers to another account's requests, and the send the server refused. PicoContainer makes one per scenario.
 */
public class AbuseWorld {

    private final List<String> outcomes = new ArrayList<>();
    private final List<Response> comparedAnswers = new ArrayList<>();
    private Response refusedSend;
    private String number;
    private int acceptedSends;

    /** The number the scenario sends to again and again. */
    public void sendingTo(String number) {
        this.number = number;
    }

    public String number() {
        if (number == null) {
            throw new IllegalStateException("The scenario has not sent to one number again and again");
        }
        return number;
    }

    /** The outcome ({@code otpStatus}) of one of many validations, in the order they were made or answered. */
    public void validated(String outcome) {
        outcomes.add(outcome);
    }

    public List<String> outcomes() {
        return List.copyOf(outcomes);
    }

    /** An answer to compare with others, e.g. about another account's OTP and about a missing one. */
    public void answered(Response response) {
        comparedAnswers.add(response);
    }

    public List<Response> comparedAnswers() {
        return List.copyOf(comparedAnswers);
    }

    /** A send to one number was accepted. */
    public void sendAccepted() {
        acceptedSends++;
    }

    public int acceptedSends() {
        return acceptedSends;
    }

    /** The server refused a send (the answer that said so). */
    public void sendRefused(Response response) {
        this.refusedSend = response;
    }

    public Response refusedSend() {
        if (refusedSend == null) {
            throw new IllegalStateException("The server refused no send in this scenario");
        }
        return refusedSend;
    }
}
