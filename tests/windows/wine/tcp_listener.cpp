// A Windows program that listens, for the network collector's test under Wine
// (agent_collectors_test.cpp): a TCP socket on 127.0.0.1 at a port the system picks, whose
// number it writes to stderr ("tcp_listener port <port> ready"); it exits, with 0, once a
// client has connected (so the test ends it cleanly, without killing it under wineserver).
#include <winsock2.h>

#include <cstdio>

int main() {
  WSADATA data;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 1;
  const SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int size = sizeof(address);
  if (listener == INVALID_SOCKET ||
      bind(listener, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      listen(listener, 4) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size) != 0)
    return 1;
  std::fprintf(stderr, "tcp_listener port %u ready\n", ntohs(address.sin_port));
  std::fflush(stderr);
  const SOCKET client = accept(listener, nullptr, nullptr);
  if (client == INVALID_SOCKET) return 1;
  closesocket(client);
  closesocket(listener);
  WSACleanup();
  return 0;
}
