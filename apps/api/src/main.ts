import 'reflect-metadata';
import { serve } from '#app';

await serve();
