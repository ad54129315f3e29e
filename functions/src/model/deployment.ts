/**
 * Where the functions run. Members live in London, Berlin and Lisbon, and Firestore's data sits in
 * Europe: a European region keeps every call and trigger beside its data. The web client, tests and
 * scripts address callables by this region, so it is defined once, here.
 */
export const FUNCTIONS_REGION = "europe-west1";
