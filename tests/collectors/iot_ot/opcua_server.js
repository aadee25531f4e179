// An OPC UA server (node-opcua, npm, where scripts/setup.sh installs it) for the iot_ot
// collector's live test, on every interface:
//   node opcua_server.js PORT none DIR     offers security mode None and anonymous users
//   node opcua_server.js PORT secure DIR   offers SignAndEncrypt (Basic256Sha256) only
// DIR holds its certificates (made at first start). Says "listening" on stderr when ready.
const { OPCUAServer } = require("node-opcua-server");
const { MessageSecurityMode } = require("node-opcua-service-secure-channel");
const { SecurityPolicy } = require("node-opcua-secure-channel");
const { OPCUACertificateManager } = require("node-opcua-certificate-manager");

(async () => {
  const [port, mode, dir] = process.argv.slice(2);
  const open = mode === "none";
  const serverCertificateManager = new OPCUACertificateManager({ rootFolder: dir + "/pki" });
  const server = new OPCUAServer({
    port: Number(port),
    serverCertificateManager,
    securityModes: open ? [MessageSecurityMode.None] : [MessageSecurityMode.SignAndEncrypt],
    securityPolicies: open ? [SecurityPolicy.None] : [SecurityPolicy.Basic256Sha256],
    allowAnonymous: open,
  });
  await server.initialize();
  await server.start();
  console.error("listening");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
