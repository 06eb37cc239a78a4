// A stand-in for the browser's push service (headless Chromium has none): the
// settings screen subscribes and unsubscribes exactly as it would on a phone.
(() => {
  let current = null;
  const subscription = (options) => ({
    endpoint: "https://push.example.test/" + crypto.randomUUID(),
    options,
    toJSON() {
      return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) } };
    },
    async unsubscribe() {
      current = null;
      return true;
    },
  });
  PushManager.prototype.subscribe = async function (options) {
    if (!options || !options.userVisibleOnly || options.applicationServerKey.byteLength !== 65) {
      throw new DOMException("The server's key is missing.", "InvalidAccessError");
    }
    current = subscription(options);
    return current;
  };
  PushManager.prototype.getSubscription = async function () {
    return current;
  };
})();
