package io.minxin.events;

/** Where the citizen came in; the channels are ranked separately. */
public enum Channel {
    /** 话务端: the hotline call centre. */
    PHONE,
    /** 网络端: website and app. */
    WEB
}
