/** Texts a hostile or careless user might type: they are data, stored and returned byte for byte. */
export const HOSTILE_TEXTS = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  "Robert'); DROP TABLE tasks;--",
  '1 OR 1=1; SELECT * FROM "user"',
  'line one\nline two\r\ndata: {"type":"error"}\n\n',
  'emoji 🧪 and RTL مرحبا and ZWJ 👩‍💻',
  '${process.env.SECRET} {{7*7}} %s %n',
  '\u0001\u0007 control \u001f chars',
];
