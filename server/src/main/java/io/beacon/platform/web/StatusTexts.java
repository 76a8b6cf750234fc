package io.beacon.platform.web;

/**
 * Plain words for HTTP refusals that the container or the REST framework decides (no such path,
 * method or media type), used instead of the framework's own messages, which carry message ids,
 * class names and full URLs.
 */
public final class StatusTexts {
    private StatusTexts() {}

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }

    public static String detail(int status, String method) {
        return switch (status) {
            case 400 -> "the request cannot be understood";
            case 401 -> "sign in, or send HTTP Basic credentials or a bearer token";
            case 403 -> "this is not allowed";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take " + method + " requests";
            case 406 -> "this address cannot answer in any of the media types the request accepts";
            case 413 -> "the request body is larger than this address accepts";
            case 414 -> "the address is too long";
            case 415 -> "this address does not accept a body of this media type";
            default -> title(status).toLowerCase();
        };
    }
}
