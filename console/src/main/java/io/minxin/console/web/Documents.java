package io.minxin.console.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document the API sent (a bulletin, a 提示函), passed on byte for byte with its content type: as a download with a
 * Chinese file name, or shown in place under a policy that lets it run nothing and be framed by the console only.
 */
public final class Documents {
    private static final String IN_PLACE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:;" + " font-src data:; frame-ancestors 'self'";

    public static ResponseEntity<byte[]> attachment(ResponseEntity<byte[]> document, String asciiName, String name) {
        return ResponseEntity.ok()
                .contentType(contentType(document, MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(asciiName, name))
                .body(document.getBody());
    }

    public static ResponseEntity<byte[]> inPlace(ResponseEntity<byte[]> document) {
        return ResponseEntity.ok()
                .contentType(contentType(document, MediaType.TEXT_HTML))
                .header("Content-Security-Policy", IN_PLACE_POLICY)
                .body(document.getBody());
    }

    private static MediaType contentType(ResponseEntity<byte[]> document, MediaType otherwise) {
        MediaType type = document.getHeaders().getContentType();
        return type == null ? otherwise : type;
    }

    private Documents() {}
}
