package de.kundenpuls.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What went wrong, as a code a client can act on: every problem the server answers names one in its
 * {@code type} ({@code https://kundenpuls.de/problems/<key>}), and its {@code detail} is the code's
 * text in the caller's language (bundles {@code de/kundenpuls/model/messages*.properties}, where the
 * arguments of the text are explained by the English wording given here).
 */
public enum ProblemCode implements MessageKey {

    // Field values
    /** is required */
    REQUIRED,
    /** is required with {0} */
    REQUIRED_WITH,
    /** is required for staff */
    REQUIRED_FOR_STAFF,
    /** is required for a kiosk */
    REQUIRED_FOR_KIOSK,
    /** is only for staff */
    ONLY_FOR_STAFF,
    /** must be at most {0} characters */
    TOO_LONG,
    /** must not contain control characters or text-direction overrides (U+{0} at position {1}) */
    UNSAFE_CHARACTER,
    /** must be between {0} and {1} */
    OUT_OF_RANGE,
    /** must be a whole number from {0} to {1} */
    WHOLE_NUMBER_RANGE,
    /** must be at most {0} */
    TOO_LARGE,
    /** must not be negative */
    NEGATIVE,
    /** must have at most two decimals */
    TOO_MANY_DECIMALS,
    /** is not a number */
    NOT_A_NUMBER,
    /** must be a whole number */
    NOT_A_WHOLE_NUMBER,
    /** must be true or false */
    NOT_A_BOOLEAN,
    /** must be a string or null */
    NOT_A_TEXT,
    /** must be an object */
    NOT_AN_OBJECT,
    /** must be an ISO date such as 2026-11-23 */
    NOT_A_DATE,
    /** must be a time such as 21:00 */
    NOT_A_TIME,
    /** must be an IANA time zone such as Europe/Berlin */
    NOT_A_TIME_ZONE,
    /** must be an ISO 4217 code such as EUR */
    NOT_A_CURRENCY,
    /** must be an ISO 3166-1 alpha-2 code such as DE */
    NOT_A_COUNTRY,
    /** is not a valid e-mail address */
    NOT_AN_EMAIL,
    /** must be 2–10 letters, digits, spaces or dashes */
    NOT_A_POSTAL_CODE,
    /** may contain letters, digits, '-' and '_' only */
    NOT_AN_IDENTIFIER,
    /** must be 2–63 lower-case letters, digits or dashes */
    NOT_A_SLUG,
    /** must be one of {0} */
    NOT_ONE_OF,
    /** must be after {0} */
    BEFORE_START,
    /** must not be after '{0}' */
    NOT_AFTER,
    /** is empty */
    EMPTY,
    /** '{0}' appears twice */
    APPEARS_TWICE,

    // Products and catalog
    /** must have 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits, had {0} characters */
    GTIN_LENGTH,
    /** must contain digits only */
    GTIN_DIGITS,
    /** has a wrong check digit (expected {0}) */
    GTIN_CHECK_DIGIT,
    /** Unknown store '{0}' */
    UNKNOWN_STORE,
    /** Unknown category '{0}' */
    UNKNOWN_CATEGORY,
    /** Unknown touchpoint '{0}' */
    UNKNOWN_TOUCHPOINT,
    /** Unknown touchpoint '{0}'; known are {1} */
    UNKNOWN_TOUCHPOINT_KNOWN,
    /** Store {0} has no touchpoint '{1}' */
    STORE_LACKS_TOUCHPOINT,
    /** a store needs at least one touchpoint */
    STORE_NEEDS_TOUCHPOINT,
    /** No store with id '{0}' */
    NO_STORE,
    /** No product with GTIN {0} */
    NO_PRODUCT,
    /** Unknown column '{0}'; the columns are {1} */
    CSV_UNKNOWN_COLUMN,
    /** The header row lacks the required column '{0}' */
    CSV_MISSING_COLUMN,
    /** The CSV is malformed near line {0} (unbalanced quotes?); nothing was imported */
    CSV_UNBALANCED,
    /** At most {0} rows per import */
    CSV_TOO_MANY_ROWS,
    /** The CSV could not be read; nothing was imported */
    CSV_UNREADABLE,
    /** The CSV is malformed ({0}); nothing was imported */
    CSV_MALFORMED,
    /** GTIN {0} appears more than once in the file */
    CSV_DUPLICATE_GTIN,
    /** has {0} fields, the header has {1} */
    CSV_FIELD_COUNT,
    /** '{0}' is not key=value */
    CSV_NOT_KEY_VALUE,
    /** Unknown category '{0}'; known are {1} */
    CSV_UNKNOWN_CATEGORY,
    /** quantity for {0} must not be negative */
    CSV_NEGATIVE_QUANTITY,
    /** quantity for {0} is not a whole number */
    CSV_QUANTITY_NOT_WHOLE,

    // Request bodies
    /** The request body is empty */
    BODY_EMPTY,
    /** The request body is empty; a JSON object is expected */
    BODY_EMPTY_JSON,
    /** The body must be a JSON object */
    BODY_NOT_OBJECT,
    /** The body must look like {0} */
    BODY_SHAPE,
    /** The request body is larger than the server accepts */
    BODY_TOO_LARGE,
    /** The request body did not arrive within {0} s */
    BODY_TIMEOUT,
    /** The body must be {0}, not {1} */
    MEDIA_TYPE_WRONG,
    /** The body must be {0} (no Content-Type header was sent) */
    MEDIA_TYPE_MISSING,
    /** Malformed JSON at line {0}, column {1} */
    JSON_MALFORMED,
    /** A number in the body has more than {0} characters */
    JSON_NUMBER_TOO_LONG,
    /** The request body could not be read */
    JSON_UNREADABLE,
    /** has a wrong value; expected {0} */
    JSON_WRONG_TYPE,
    /** The JSON does not match the expected structure; expected {0} */
    JSON_WRONG_STRUCTURE,
    /** Unknown field '{0}' */
    UNKNOWN_FIELD,
    /** Unknown or read-only field '{0}'; patchable are {1} */
    READ_ONLY_FIELD,
    /** Unknown contact field; allowed are {0} */
    UNKNOWN_CONTACT_FIELD,
    /** Unknown consent purpose; use {0} */
    UNKNOWN_CONSENT,

    // Requests the server cannot route or handle
    /** No API resource at {0} {1} */
    NO_ROUTE,
    /** The request could not be parsed */
    REQUEST_MALFORMED,
    /** The request was refused ({0}) */
    REQUEST_REFUSED,
    /** The server failed to process the request; it has been logged */
    INTERNAL_ERROR,
    /** The change was not saved; try again later */
    STORAGE_UNAVAILABLE,

    // Sign-in and roles
    /** Sign in: this request needs a bearer token */
    SIGN_IN_REQUIRED,
    /** The Authorization header must be 'Bearer &lt;Firebase ID token&gt;' */
    BEARER_MALFORMED,
    /** The bearer token is empty */
    TOKEN_EMPTY,
    /** The ID token has expired; sign in again */
    TOKEN_EXPIRED,
    /** The ID token is not valid */
    TOKEN_INVALID,
    /** The bearer token is not a Firebase ID token */
    TOKEN_NOT_FIREBASE,
    /** The ID token carries no valid 'role' claim */
    TOKEN_NO_ROLE,
    /** A {0} ID token must carry a 'store' claim */
    TOKEN_NO_STORE,
    /** A kiosk ID token must carry a 'touchpoint' claim */
    TOKEN_NO_TOUCHPOINT,
    /** An ID token does not go into a URL; get a ticket with POST /api/analytics/stream-tickets and open the stream with ?ticket= */
    TOKEN_IN_URL,
    /** The stream ticket is unknown, used or expired; get a new one */
    TICKET_INVALID,
    /** This action is not open to the role '{0}' */
    ROLE_FORBIDDEN,
    /** Staff of store {0} cannot act for store {1} */
    OTHER_STORE,
    /** Dev sign-in answers only callers on this machine (loopback) */
    DEV_SIGN_IN_REMOTE,

    // Kiosks
    /** The server cannot sign kiosks in: it needs service account credentials (GOOGLE_APPLICATION_CREDENTIALS) */
    KIOSK_SIGN_IN_UNAVAILABLE,
    /** This kiosk was revoked or never enrolled; enroll it again */
    KIOSK_REVOKED,
    /** No kiosk with id '{0}' */
    NO_KIOSK,
    /** No enrolled kiosk '{0}' */
    NO_ENROLLED_KIOSK,
    /** This code is not valid or was used already */
    ENROLLMENT_CODE_INVALID,
    /** This code has expired; enroll the kiosk again in the console */
    ENROLLMENT_CODE_EXPIRED,
    /** Too many enrollment attempts from this address; try again in {0} s */
    ENROLLMENT_RATE,

    // Feedback
    /** At most {0} items per batch, got {1} */
    BATCH_TOO_LARGE,
    /** At most {0} new answers at once from one sender ({1}); send them in smaller batches */
    BURST_LIMIT,
    /** More than {0} answers within {1} s from one sender ({2}); nothing of this batch was stored */
    ANSWER_RATE,
    /** Too many new app accounts from this address; try again in {0} s */
    ACCOUNT_RATE,
    /** Less than {0} s after the previous answer from this device; repeated taps are not counted */
    TOO_SOON,
    /** a kiosk of store {0} cannot capture answers for store {1} */
    KIOSK_OTHER_STORE,
    /** a kiosk at touchpoint {0} cannot capture answers for touchpoint {1} */
    KIOSK_OTHER_TOUCHPOINT,
    /** lies more than {0} minutes in the future */
    IN_THE_FUTURE,
    /** lies more than {0} days in the past */
    TOO_OLD,
    /** is not a dimension; use {0} */
    NOT_A_DIMENSION,
    /** need a surveyId and surveyVersion */
    ANSWERS_NEED_SURVEY,
    /** The item is not valid */
    ITEM_INVALID,
    /** an answer needs at least one of rating, nps, ces, dimensions, comment or answers */
    ANSWER_EMPTY,

    // Surveys
    /** No survey with id '{0}' */
    NO_SURVEY,
    /** Survey '{0}' has no version {1} */
    NO_SURVEY_VERSION,
    /** a survey needs at least one question */
    SURVEY_NEEDS_QUESTION,
    /** must name an earlier question, not '{0}' */
    SHOW_IF_NOT_EARLIER,
    /** is not a question of survey {0} v{1} */
    NOT_A_QUESTION,
    /** must not be answered: its skip condition on '{0}' is not met */
    SKIPPED_QUESTION,
    /** must be a non-empty list of option ids */
    NOT_AN_OPTION_LIST,
    /** names option '{0}' twice */
    OPTION_TWICE,
    /** must be a text of at most {0} characters */
    TEXT_ANSWER_TOO_LONG,
    /** must be one of the option ids {0} */
    NOT_AN_OPTION,
    /** only de and en are supported */
    LANGUAGE_UNSUPPORTED,
    /** a choice question needs at least two options */
    CHOICE_NEEDS_OPTIONS,
    /** only single and multiple choice questions have options */
    OPTIONS_ONLY_FOR_CHOICE,
    /** needs at least one value */
    NEEDS_VALUE,

    // Offers
    /** No offer with id '{0}' */
    NO_OFFER,
    /** No offer with code {0} */
    NO_OFFER_CODE,
    /** The offer no longer exists */
    OFFER_GONE,
    /** an offer is for either one product (gtin) or one category */
    OFFER_PRODUCT_OR_CATEGORY,
    /** The offer cannot be redeemed in store {0} */
    OFFER_NOT_FOR_STORE,
    /** The store where the code is redeemed is required */
    REDEEM_STORE_REQUIRED,
    /** Already redeemed on {0} in {1} */
    ALREADY_REDEEMED,
    /** The offer is not valid now (valid {0} to {1}) */
    OFFER_NOT_VALID_NOW,
    /** The offer is not valid in store {0} */
    OFFER_NOT_VALID_HERE,

    // Campaigns and push
    /** No campaign with id '{0}' */
    NO_CAMPAIGN,
    /** The campaign is already {0} */
    CAMPAIGN_STATE,
    /** at least one variant is required */
    VARIANT_REQUIRED,
    /** differs from the share of another text of variant {0} */
    VARIANT_SHARE_DIFFERS,
    /** give every variant a share, or none */
    VARIANT_SHARES_PARTIAL,
    /** the shares must add up to 100 */
    VARIANT_SHARES_SUM,
    /** the push payload would be {0} bytes; FCM accepts at most {1} */
    PUSH_TOO_LARGE,
    /** No device is registered with your account: sign in to the app with it once, then test again */
    NO_TEST_DEVICE,
    /** Push is not configured on this server */
    PUSH_UNAVAILABLE,

    // Cases, profiles, privacy, analytics
    /** Nobody has the e-mail address {0} */
    NO_PROFILE_WITH_EMAIL,
    /** The e-mail index of this data directory is still being built ({0} % done): try again in a few minutes */
    EMAIL_INDEX_BUILDING,
    /** No case {0} */
    NO_CASE,
    /** No case {0} in your inbox */
    NO_CASE_IN_INBOX,
    /** '{0}' is not a case id */
    NOT_A_CASE_ID,
    /** The case is closed */
    CASE_CLOSED,
    /** {0} is not a colleague at this store: staff can be assigned once they have opened its cases */
    NOT_A_COLLEAGUE,
    /** No profile with id '{0}' */
    NO_PROFILE,
    /** Profile was erased */
    PROFILE_ERASED,
    /** the range may span at most three years */
    RANGE_TOO_LONG,
    /** At most {0} live streams per identity; close one first */
    STREAM_LIMIT;

    /** Where the problem types live; the README lists them. */
    public static final String TYPE_BASE = "https://kundenpuls.de/problems/";

    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

    @Override
    public String key() {
        return key;
    }

    /** @return the problem type URI of this code */
    public String type() {
        return TYPE_BASE + key;
    }

    /**
     * @param type a problem's {@code type}
     * @return the code it names, if it names one
     */
    public static Optional<ProblemCode> ofType(String type) {
        if (type == null || !type.startsWith(TYPE_BASE)) {
            return Optional.empty();
        }
        String key = type.substring(TYPE_BASE.length());
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
