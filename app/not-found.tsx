// Requests outside any locale (the proxy sends almost everything to /<locale>/…).
export default function RootNotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>404</h1>
        <p><a href="/">Keyfront</a></p>
      </body>
    </html>
  );
}
