package io.twofakit.server.http.resources;

import io.twofakit.ext.api.WebhooksApi;
import io.twofakit.ext.api.model.Redelivery;
import io.twofakit.ext.api.model.WebhookDelivery;
import io.twofakit.ext.api.model.WebhookDeliveryState;
import io.twofakit.server.domain.webhook.WebhookDeliveries;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookState;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** {@code /webhooks/...}: the account's webhook deliveries, translated to and from {@link WebhookDeliveries}. */
public final class WebhookDeliveriesResource implements WebhooksApi {

    private final WebhookDeliveries deliveries;

    @Context
    private SecurityContext security;

    public WebhookDeliveriesResource(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Response listWebhookDeliveries(WebhookDeliveryState state, UUID callbackId) {
        Optional<WebhookState> wanted = Optional.ofNullable(state).map(s -> WebhookState.valueOf(s.name()));
        return Response.ok(deliveries.list(account(), wanted, Optional.ofNullable(callbackId)).stream()
                .map(WebhookDeliveriesResource::toApi).toList()).build();
    }

    @Override
    public Response redeliverWebhook(UUID deliveryId) {
        return Response.accepted(toApi(deliveries.redeliver(account(), deliveryId))).build();
    }

    @Override
    public Response redeliverFailedWebhooks(UUID callbackId) {
        int redelivered = deliveries.redeliverFailed(account(), callbackId);
        return Response.accepted(Redelivery.builder().redelivered(redelivered).build()).build();
    }

    private String account() {
        return RequestAccount.id(security);
    }

    private static WebhookDelivery toApi(WebhookDeliveries.Delivery delivery) {
        WebhookRecord record = delivery.record();
        return WebhookDelivery.builder()
                .id(record.id())
                .eventId(record.eventId())
                .callbackId(record.callbackId())
                .callbackUrl(delivery.url().orElse(null))
                .otpId(record.otpId())
                .channel(WebhookDelivery.ChannelEnum.fromValue(record.channel().name()))
                .eventStatus(WebhookDelivery.EventStatusEnum.fromValue(record.eventStatus().name()))
                .eventTime(time(record.eventTime()))
                .state(WebhookDeliveryState.fromValue(record.state().name()))
                .attempts(record.attempts())
                .lastError(record.lastError())
                .nextAttempt(time(record.nextAttempt()))
                .created(time(record.created()))
                .updated(time(record.updated()))
                .build();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
