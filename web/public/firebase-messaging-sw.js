/* global self */
// Shows Numina's FCM web pushes, and opens the notice's page when one is clicked. Registered by
// web/src/notifications/pushService.ts only when push is configured (a real project and a VAPID key).
self.addEventListener("push", (event) => {
  const payload = event.data ? event.data.json() : {};
  const notification = payload.notification || {};
  const link = (payload.fcmOptions && payload.fcmOptions.link) || "/notifications";
  event.waitUntil(
    self.registration.showNotification(notification.title || "Numina", {
      body: notification.body || "",
      tag: (payload.data && payload.data.noticeId) || undefined,
      data: { link },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.link));
});
