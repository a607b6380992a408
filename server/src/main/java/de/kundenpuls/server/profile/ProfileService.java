package de.kundenpuls.server.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Locales;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.InvalidRequestException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The shopper's own profile: {@code /api/me}.
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/me
 * curl -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
 *      -d '{"contact":{"name":"Eva","email":"eva@example.org"},"homeStoreId":"berlin-mitte"}' \
 *      http://localhost:8080/api/me
 * </pre>
 */
public final class ProfileService implements HttpService {

    private final Access access;
    private final Profiles profiles;
    private final StorageWriter writer;
    private final Predicate<String> storeExists;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param access      access rules
     * @param profiles    the profiles
     * @param writer      the storage writer
     * @param storeExists whether a store id is known (for {@code homeStoreId})
     * @param clock       the clock
     */
    public ProfileService(Access access, Profiles profiles, StorageWriter writer, Predicate<String> storeExists, Clock clock) {
        this.access = access;
        this.profiles = profiles;
        this.writer = writer;
        this.storeExists = storeExists;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        // Marketers register the app on their own phone too: a campaign's test send goes there. The
        // device is kept in a profile of their own, which without the marketing_push consent is in no
        // audience and which they cannot read or fill in as a customer would.
        rules.get("/", access.allow(this::get, Role.SHOPPER))
                .patch("/", access.allow(this::patch, Role.SHOPPER))
                .put("/consents", access.allow(this::putConsents, Role.SHOPPER))
                .post("/devices", access.allow(this::registerDevice, Role.SHOPPER, Role.MARKETER, Role.ADMIN));
    }

    private void get(Caller caller, ServerRequest req, ServerResponse res) {
        Responses.json(res, profileOf(caller.uid(), req));
    }

    /**
     * The caller's profile, created on first use with the language of the request.
     */
    private Profile profileOf(String uid, ServerRequest req) {
        Optional<Profile> existing = profiles.find(uid);
        if (existing.isPresent()) {
            return existing.get();
        }
        String locale = preferredLocale(req);
        return writer.write(tx -> {
            Optional<Profile> again = profiles.find(uid);
            if (again.isPresent()) {
                return again.get();
            }
            Profile created = Profile.create(uid, locale, Instant.now(clock));
            profiles.put(created, tx);
            return created;
        });
    }

    private static String preferredLocale(ServerRequest req) {
        return de.kundenpuls.server.api.Languages.accepted(req).orElse("de");
    }

    private void patch(Caller caller, ServerRequest req, ServerResponse res) {
        JsonNode body = JsonBody.tree(req);
        if (!body.isObject()) {
            throw ApiException.badRequest(null, ProblemCode.BODY_NOT_OBJECT);
        }
        profileOf(caller.uid(), req);
        // Validate the whole patch against the current profile before anything is written.
        Profile updated = writer.write(tx -> profiles.update(caller.uid(), current -> ProfilePatch.apply(current, body,
                storeExists, Instant.now(clock)), tx).orElseThrow(() -> ApiException.notFound("uid", ProblemCode.PROFILE_ERASED)));
        Responses.json(res, updated);
    }

    private void putConsents(Caller caller, ServerRequest req, ServerResponse res) {
        JsonNode body = JsonBody.tree(req);
        if (!body.isObject() || body.isEmpty()) {
            throw ApiException.badRequest(null, ProblemCode.BODY_SHAPE, "{\"personalization\":true}");
        }
        Map<ConsentPurpose, Boolean> wanted = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ConsentPurpose purpose = ConsentPurpose.fromKey(field.getKey()).orElseThrow(() -> ApiException.badRequest(
                    field.getKey(), ProblemCode.UNKNOWN_CONSENT,
                    "personalization, marketing_push, contact"));
            if (!field.getValue().isBoolean()) {
                throw ApiException.badRequest(field.getKey(), ProblemCode.NOT_A_BOOLEAN);
            }
            wanted.put(purpose, field.getValue().booleanValue());
        }
        profileOf(caller.uid(), req);
        Profile updated = writer.write(tx -> profiles.update(caller.uid(), current -> {
            Instant now = Instant.now(clock);
            Map<String, Consent> next = new HashMap<>(current.consents());
            wanted.forEach((purpose, granted) -> {
                Consent before = next.get(purpose.key());
                // Keep the original time when nothing changes: "when" means when it was decided.
                if (before == null || before.granted() != granted) {
                    next.put(purpose.key(), new Consent(granted, now, "app"));
                }
            });
            Profile withConsents = current.withConsents(next, now);
            // Withdrawing personalization stops its use at once: forget what was learned.
            if (!withConsents.allows(ConsentPurpose.PERSONALIZATION) && !withConsents.affinities().isEmpty()) {
                withConsents = withConsents.withAffinities(Map.of(), now);
            }
            return withConsents;
        }, tx).orElseThrow(() -> ApiException.notFound("uid", ProblemCode.PROFILE_ERASED)));
        Responses.json(res, updated);
    }

    private void registerDevice(Caller caller, ServerRequest req, ServerResponse res) {
        DeviceRegistration registration = JsonBody.read(req, DeviceRegistration.class);
        profileOf(caller.uid(), req);
        Instant now = Instant.now(clock);
        Device device = new Device(registration.token(), registration.platform(), registration.locale(), now);
        Profile updated = writer.write(tx -> profiles.update(caller.uid(), current -> {
            List<Device> devices = new ArrayList<>();
            for (Device d : current.devices()) {
                if (!d.token().equals(device.token())) {
                    devices.add(d);
                }
            }
            devices.add(device);
            // A phone reinstalled many times must not collect tokens without end.
            while (devices.size() > 10) {
                devices.remove(0);
            }
            return current.withDevices(devices, now);
        }, tx).orElseThrow(() -> ApiException.notFound("uid", ProblemCode.PROFILE_ERASED)));
        Responses.json(res, Status.CREATED_201, updated);
    }

    /**
     * The body of {@code POST /api/me/devices}.
     *
     * @param token    FCM registration token
     * @param platform android, ios or desktop
     * @param locale   de or en
     */
    public record DeviceRegistration(String token, String platform, String locale) {
        /** Validates the fields. */
        public DeviceRegistration {
            InvalidFieldException.requiredText(token, "token", 4096);
            InvalidFieldException.requiredText(platform, "platform", 16);
            if (locale != null) {
                Locales.requireSupported(locale, "locale");
            }
        }
    }

    /** Applies a JSON merge patch to a profile, validating every field. */
    static final class ProfilePatch {

        private static final List<String> CONTACT_FIELDS = List.of("name", "email", "street", "postalCode", "city", "country");

        private ProfilePatch() {
        }

        static Profile apply(Profile current, JsonNode patch, Predicate<String> storeExists, Instant now) {
            Contact contact = current.contact();
            String homeStoreId = current.homeStoreId();
            String locale = current.locale();
            String ageBand = current.ageBand();
            Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "contact" -> contact = patchContact(contact, value);
                    case "homeStoreId" -> {
                        homeStoreId = textOrNull(value, "homeStoreId");
                        if (homeStoreId != null && !storeExists.test(homeStoreId)) {
                            throw ApiException.badRequest("homeStoreId", ProblemCode.NO_STORE, homeStoreId);
                        }
                    }
                    case "locale" -> locale = Locales.requireSupported(textOrNull(value, "locale"), "locale");
                    case "ageBand" -> ageBand = AgeBand.validate(textOrNull(value, "ageBand"), "ageBand");
                    default -> throw ApiException.badRequest(field.getKey(), ProblemCode.READ_ONLY_FIELD, field.getKey(),
                            "contact, homeStoreId, locale, ageBand");
                }
            }
            return current.withContact(contact, now).withSettings(homeStoreId, locale, ageBand, now);
        }

        private static Contact patchContact(Contact current, JsonNode value) {
            if (value.isNull()) {
                return Contact.empty();
            }
            if (!value.isObject()) {
                throw ApiException.badRequest("contact", ProblemCode.NOT_AN_OBJECT);
            }
            Map<String, String> fields = new HashMap<>();
            fields.put("name", current.name());
            fields.put("email", current.email());
            fields.put("street", current.street());
            fields.put("postalCode", current.postalCode());
            fields.put("city", current.city());
            fields.put("country", current.country());
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!CONTACT_FIELDS.contains(f.getKey())) {
                    throw ApiException.badRequest("contact." + f.getKey(), ProblemCode.UNKNOWN_CONTACT_FIELD, String.join(", ", CONTACT_FIELDS));
                }
                fields.put(f.getKey(), textOrNull(f.getValue(), "contact." + f.getKey()));
            }
            try {
                return new Contact(fields.get("name"), fields.get("email"), fields.get("street"), fields.get("postalCode"),
                        fields.get("city"), fields.get("country"));
            } catch (InvalidFieldException e) {
                throw new InvalidRequestException("contact." + e.field(), e.message());
            }
        }

        private static String textOrNull(JsonNode value, String field) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw ApiException.badRequest(field, ProblemCode.NOT_A_TEXT);
            }
            return value.textValue();
        }
    }
}
