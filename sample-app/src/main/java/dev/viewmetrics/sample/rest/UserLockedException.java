package dev.viewmetrics.sample.rest;

/** Thrown for a locked user; {@link UserLockedMapper} answers 423. */
public class UserLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserLockedException(String id) {
        super("user " + id + " is locked");
    }
}
