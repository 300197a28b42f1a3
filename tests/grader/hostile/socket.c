/* hostile: opens a TCP connection to 127.0.0.1.  expect: forbidden operation */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

double twice(double x)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(80) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connect(s, (struct sockaddr *)&a, sizeof a);
    return 2.0 * x;
}
