package io.minxin.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The one-shot command that creates and rotates the gateway's identity-token keys (EC P-256, ES256), run from the
 * gateway's jar:
 *
 * <pre>
 * java -cp gateway-exec.jar -Dloader.main=io.minxin.gateway.identity.IdentityKeys \
 *     org.springframework.boot.loader.launch.PropertiesLauncher generate|rotate|retire DIR
 * </pre>
 *
 * <p>It keeps two JWK sets in {@code DIR}: {@value #SIGNING_FILE} (private keys, file mode 600, for the gateway's
 * {@code minxin.gateway.identity.signing-keys}) and {@value #PUBLIC_FILE} (the same keys without their private
 * parts, for every service's {@code minxin.identity.public-keys}). The gateway signs with the first key; a service
 * accepts any key of its set.
 *
 * <ul>
 *   <li>{@code generate}: one new key in both files, when the signing file does not exist (so it can run on every
 *       start); a missing public file is written from an existing signing file
 *   <li>{@code rotate}: a new key first, the keys there were kept after it; the public file is written before the
 *       signing file, so a service knows the new key before the gateway signs with it
 *   <li>{@code retire}: every key but the first dropped, once tokens signed by the old ones have expired
 * </ul>
 *
 * <p>Each file is replaced atomically (written beside it, then moved), so the gateway and the services never read
 * half a file. Key ids are RFC 7638 thumbprints. Private keys are never printed. Exits 0 when done, 1 when a file
 * could not be read or written, 2 on wrong arguments.
 */
public final class IdentityKeys {
    static final String SIGNING_FILE = "signing-keys.json";
    static final String PUBLIC_FILE = "public-keys.json";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int WRONG_ARGUMENTS = 2;

    private static final String USAGE = "usage: IdentityKeys generate|rotate|retire <dir>";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without {@link System#exit}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println(USAGE);
            return WRONG_ARGUMENTS;
        }
        Path dir = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "generate" -> out.println(generate(dir));
                case "rotate" -> out.println(rotate(dir));
                case "retire" -> out.println(retire(dir));
                default -> {
                    err.println(USAGE);
                    return WRONG_ARGUMENTS;
                }
            }
            return OK;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("identity keys in " + dir + ": " + e.getMessage());
            return FAILED;
        }
    }

    /** Creates both files with one new key unless the signing file exists; returns what it did. */
    static String generate(Path dir) throws IOException {
        return generate(dir.resolve(SIGNING_FILE), dir.resolve(PUBLIC_FILE));
    }

    static String generate(Path signingFile, Path publicFile) throws IOException {
        if (Files.exists(signingFile)) {
            if (!Files.exists(publicFile)) {
                writePublic(publicFile, read(signingFile));
                return "wrote " + publicFile + " from the keys in " + signingFile;
            }
            return "kept the keys in " + signingFile + " (" + describe(read(signingFile)) + ")";
        }
        JWKSet keys = new JWKSet(newKey());
        // public first, as in a rotation: a service may know a key the gateway does not sign with yet, never the
        // reverse
        writePublic(publicFile, keys);
        writeSigning(signingFile, keys);
        return "generated " + describe(keys) + ": " + signingFile + " (private, mode 600), " + publicFile;
    }

    /** Puts a new key first and keeps the others after it. */
    static String rotate(Path dir) throws IOException {
        Path signingFile = dir.resolve(SIGNING_FILE);
        if (!Files.exists(signingFile)) {
            throw new IllegalStateException("no " + SIGNING_FILE + " to rotate; run generate first");
        }
        List<JWK> keys = new ArrayList<>();
        keys.add(newKey());
        keys.addAll(read(signingFile).getKeys());
        JWKSet rotated = new JWKSet(keys);
        writePublic(dir.resolve(PUBLIC_FILE), rotated);
        writeSigning(signingFile, rotated);
        return "rotated: " + describe(rotated) + "; run retire once tokens of the old keys have expired";
    }

    /** Drops every key but the first. */
    static String retire(Path dir) throws IOException {
        Path signingFile = dir.resolve(SIGNING_FILE);
        if (!Files.exists(signingFile)) {
            throw new IllegalStateException("no " + SIGNING_FILE + " to retire keys from");
        }
        JWKSet current = new JWKSet(read(signingFile).getKeys().get(0));
        // the gateway signs with the first key already; the services stop accepting the others after this
        writeSigning(signingFile, current);
        writePublic(dir.resolve(PUBLIC_FILE), current);
        return "retired the old keys: " + describe(current);
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key: " + e.getMessage(), e);
        }
    }

    /** Reads a JWK set file; the message of a failure never quotes the file's content. */
    static JWKSet read(Path file) throws IOException {
        try {
            JWKSet keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (keys.isEmpty()) {
                throw new IllegalStateException(file + " holds no key");
            }
            return keys;
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK set", e);
        }
    }

    private static void writeSigning(Path file, JWKSet keys) throws IOException {
        write(file, keys.toString(false), true);
    }

    private static void writePublic(Path file, JWKSet keys) throws IOException {
        write(file, keys.toPublicJWKSet().toString(), false);
    }

    private static void write(Path file, String json, boolean secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
        Path temporary = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            // created with its final mode, so the private keys are never readable by others, not even for a moment
            Files.createFile(temporary, ownerOnly(dir, secret ? "rw-------" : "rw-r--r--"));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("another IdentityKeys is writing " + file, e);
        }
        Files.writeString(temporary, json + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir, String mode) {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    private static String describe(JWKSet keys) {
        List<String> ids = keys.getKeys().stream().map(JWK::getKeyID).toList();
        return ids.size() == 1 ? "key " + ids.get(0) : "keys " + String.join(", ", ids) + " (signing with the first)";
    }

    private IdentityKeys() {}
}
