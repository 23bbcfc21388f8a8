package io.quarterdeck.adapters.rest.apiv1.notifications;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.adapters.rest.spine.security.Audited;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.application.port.in.notifications.ChannelCommand;
import io.quarterdeck.application.port.in.notifications.ManageChannelsUseCase;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Seed 003's notification system. Channels are settings: admins only. Secrets ({@code secret}, {@code webhook_url}
 * of Slack, {@code bot_token}, {@code password}) are stored encrypted and answered as previews.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    private static final String CONFIG_DOC = "config by type: webhook {url, secret}; slack {webhook_url, channel,"
            + " username}; email {smtp_host, smtp_port, starttls, username, password, from, to (comma-separated),"
            + " subject_prefix}; telegram {bot_token, chat_id, base_url}";
    private final ManageChannelsUseCase channels;

    @Inject
    public NotificationsResource(ManageChannelsUseCase channels) {
        this.channels = channels;
    }

    @GET
    @Path("/channels")
    @Requires(role = Role.ADMIN)
    @APIResponse(responseCode = "200", description = "Channels; secrets as previews",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "channels", type = SchemaType.ARRAY,
                implementation = ChannelDto.class))))
    public Map<String, List<ChannelDto>> list() {
        return Map.of("channels", channels.list().stream().map(ChannelDto::from).toList());
    }

    @POST
    @Path("/channels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("notification_channel.create")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"name", "type", "config"},
                description = CONFIG_DOC, properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "type", type = SchemaType.STRING,
                        enumeration = {"webhook", "slack", "email", "telegram"}),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "config", type = SchemaType.OBJECT)})))
    @APIResponse(responseCode = "201", description = "The channel",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelDto.class)))
    public Response create(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        var ch = channels.create(new ChannelCommand(JsonFields.string(o, "name"),
                ChannelType.parse("type", JsonFields.string(o, "type")), JsonFields.bool(o, "enabled"),
                config(o, true)));
        return Response.status(201).entity(ChannelDto.from(ch)).build();
    }

    @PATCH
    @Path("/channels/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(role = Role.ADMIN)
    @Audited("notification_channel.update")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT,
                description = "name, enabled, config: keys given replace those keys (a secret too); others stay",
                properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "config", type = SchemaType.OBJECT)})))
    @APIResponse(responseCode = "200", description = "The channel",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelDto.class)))
    public ChannelDto update(@PathParam("id") String id, JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String type = JsonFields.string(o, "type");
        return ChannelDto.from(channels.update(id, new ChannelCommand(JsonFields.string(o, "name"),
                type == null ? null : ChannelType.parse("type", type), JsonFields.bool(o, "enabled"),
                config(o, false))));
    }

    @DELETE
    @Path("/channels/{id}")
    @Requires(role = Role.ADMIN)
    @Audited("notification_channel.delete")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        channels.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/history")
    @Requires(role = Role.ADMIN)
    @APIResponse(responseCode = "200", description = "Notifications, newest first, with failures and their reasons",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "history", type = SchemaType.ARRAY,
                implementation = DeliveryDto.class))))
    public Map<String, List<DeliveryDto>> history(@QueryParam("channel_id") String channelId,
                                                  @QueryParam("status") String status,
                                                  @QueryParam("limit") String limit) {
        int n = QueryParameters.integer("limit", limit, 100, 1, 500);
        if (status != null && !status.isBlank() && !List.of("pending", "sent", "failed").contains(status)) {
            throw new InvalidFieldException("status", "must be pending, sent or failed");
        }
        return Map.of("history", channels.history(channelId == null || channelId.isBlank() ? null : channelId,
                status == null || status.isBlank() ? null : status, n).stream().map(DeliveryDto::from).toList());
    }

    @POST
    @Path("/test/{channel_id}")
    @Requires(role = Role.ADMIN)
    @Audited("notification_channel.test")
    @APIResponse(responseCode = "202", description = "Queued; its outcome appears in the history and as the"
        + " channel's last_test", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeliveryDto.class)))
    public Response test(@PathParam("channel_id") String channelId) {
        return Response.accepted(DeliveryDto.from(channels.test(channelId))).build();
    }

    /** {@code config}: an object of strings (numbers and booleans are taken as their text). */
    private static Map<String, String> config(JsonObject o, boolean required) {
        JsonValue v = o.get("config");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new InvalidFieldException("config", "is required");
            }
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT || v.asJsonObject().size() > 20) {
            throw new InvalidFieldException("config", "must be an object of at most 20 settings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.asJsonObject().forEach((k, x) -> {
            switch (x.getValueType()) {
                case STRING -> out.put(k, ((JsonString) x).getString());
                case NUMBER, TRUE, FALSE -> out.put(k, x.toString());
                case NULL -> {
                }
                default -> throw new InvalidFieldException("config." + k, "must be a string");
            }
        });
        return out;
    }
}
