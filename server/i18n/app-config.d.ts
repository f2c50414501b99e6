import type admin from "./messages/en/admin.json";
import type common from "./messages/en/common.json";
import type facilitate from "./messages/en/facilitate.json";
import type home from "./messages/en/home.json";
import type phone from "./messages/en/phone.json";
import type present from "./messages/en/present.json";
import type server from "./messages/en/server.json";
import type teams from "./messages/en/teams.json";
import type { Locale } from "./locales";

// Typed keys: a message that isn't in the English files is a compile error, not a blank label.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: {
      common: typeof common;
      home: typeof home;
      phone: typeof phone;
      present: typeof present;
      facilitate: typeof facilitate;
      teams: typeof teams;
      admin: typeof admin;
      server: typeof server;
    };
  }
}
