import 'reflect-metadata';
import { createApp } from './create-app.js';

const port = Number(process.env.PORT ?? 3000);
const app = await createApp();
await app.listen(port, process.env.HOST ?? '127.0.0.1');
console.log(`Himotoki listening on ${await app.getUrl()}`);
